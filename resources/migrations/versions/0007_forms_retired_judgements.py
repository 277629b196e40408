"""function lists as they arrive: forms (帳票), retired IDs (欠番), the vendor's answer columns,
revision columns, and each member's own judgement of a function (Fit&Gap sheets)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 02:50:00

A form may carry the same ID as a function of its business (帳票ID and 機能ID are two
series), so the unique key of a function becomes (business system, kind, code). Existing rows
are functions, live, without the new columns' values.
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('function', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=10), server_default='function', nullable=False))
        batch_op.add_column(sa.Column('retired', sa.Boolean(), server_default=sa.text('false'), nullable=False))
        batch_op.add_column(sa.Column('fit_alternative', sa.Boolean(), server_default=sa.text('false'), nullable=False))
        batch_op.add_column(sa.Column('vendor_cost', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('vendor_cost_note', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('vendor_alternative', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('revision_kind', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('revision_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('rationale', sa.Text(), nullable=True))
        batch_op.drop_constraint('uq_function_system_code', type_='unique')
        batch_op.create_unique_constraint('uq_function_system_kind_code', ['business_system_id', 'kind', 'code'])
    op.create_table('member_judgement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('function_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('judgement', sa.String(length=1), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['function_id'], ['function.id'], name=op.f('fk_member_judgement_function_id_function')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_member_judgement_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_judgement')),
    sa.UniqueConstraint('function_id', 'member_id', name='uq_member_judgement_function_member'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('member_judgement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_judgement_member_id'), ['member_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('member_judgement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_judgement_member_id'))
    op.drop_table('member_judgement')
    with op.batch_alter_table('function', schema=None) as batch_op:
        batch_op.drop_constraint('uq_function_system_kind_code', type_='unique')
        batch_op.create_unique_constraint('uq_function_system_code', ['business_system_id', 'code'])
        for column in ('rationale', 'revision_note', 'revision_kind', 'vendor_alternative', 'vendor_cost_note',
                       'vendor_cost', 'fit_alternative', 'retired', 'kind'):
            batch_op.drop_column(column)
