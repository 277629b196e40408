"""consortium officers and contact for notices: 会長 (municipality, name), 公印省略, 事務局 担当 block

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 02:40:00

The cost notice (通知文) is sent by the consortium's 会長 and names the secretariat's contact
at its foot; both are settings of the consortium, so they live on its one row. Plain ADD
COLUMN (nullable, or with a constant default), so the table is not rebuilt.
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

TEXT_COLUMNS = (('chair_member', 100), ('chair_name', 100), ('office_section', 200), ('office_staff', 100),
                ('office_phone', 50), ('office_mail', 200))


def upgrade() -> None:
    for name, length in TEXT_COLUMNS[:2]:
        op.add_column('consortium', sa.Column(name, sa.String(length=length), nullable=True))
    op.add_column('consortium', sa.Column('seal_omitted', sa.Boolean(), server_default=sa.true(), nullable=False))
    for name, length in TEXT_COLUMNS[2:]:
        op.add_column('consortium', sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('consortium', schema=None) as batch_op:
        for name, _ in reversed(TEXT_COLUMNS):
            batch_op.drop_column(name)
        batch_op.drop_column('seal_omitted')
