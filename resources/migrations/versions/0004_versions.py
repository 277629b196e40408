"""row versions for optimistic concurrency on the editable tables; audit_change.op wide enough for 'bulk_insert'

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:00:00

Shared mode (PostgreSQL, several secretaries at once) needs every editable row to carry a
version, so that saving over someone else's newer change is refused instead of silently
overwriting it. Existing rows start at version 1. Plain ADD COLUMN with a constant default
works on SQLite and PostgreSQL alike, so no table is rebuilt (AUTOINCREMENT is kept).

audit_change gets an index on (table_name, row_id) for the conflict dialog's
"last changed by". audit_change.op was VARCHAR(10), but the function import records 'bulk_insert' (11
characters): SQLite never checked, PostgreSQL refuses the import. It becomes VARCHAR(20).
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

VERSIONED = ('member', 'business_system', 'function', 'request_item', 'member_request', 'meeting', 'agenda_entry')
AUTOINCREMENT = {'request_item', 'member_request', 'meeting', 'agenda_entry'}


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column('version', sa.Integer(), nullable=False, server_default=sa.text('1')))
    with op.batch_alter_table('audit_change', schema=None) as batch_op:
        batch_op.alter_column('op', existing_type=sa.String(length=10), type_=sa.String(length=20), existing_nullable=False)
        # "who changed this row last" for the conflict dialog, without scanning the whole trail
        batch_op.create_index('ix_audit_change_table_row', ['table_name', 'row_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('audit_change', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_change_table_row')
        batch_op.alter_column('op', existing_type=sa.String(length=20), type_=sa.String(length=10), existing_nullable=False)
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None, table_kwargs={"sqlite_autoincrement": table in AUTOINCREMENT}) as batch_op:
            batch_op.drop_column('version')
