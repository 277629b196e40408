"""initial schema: consortium, members, subcommittees, business systems, functions

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 15:58:20.063362
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('consortium',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('preset', sa.String(length=50), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consortium'))
    )
    op.create_table('member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('population', sa.Integer(), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member')),
    sa.UniqueConstraint('name', name=op.f('uq_member_name'))
    )
    op.create_table('subcommittee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subcommittee')),
    sa.UniqueConstraint('name', name=op.f('uq_subcommittee_name'))
    )
    op.create_table('business_system',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('subcommittee_id', sa.Integer(), nullable=False),
    sa.Column('working_group', sa.String(length=100), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('spec_version', sa.String(length=50), nullable=True),
    sa.Column('list_source', sa.String(length=400), nullable=True),
    sa.Column('list_imported_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['subcommittee_id'], ['subcommittee.id'], name=op.f('fk_business_system_subcommittee_id_subcommittee')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_business_system')),
    sa.UniqueConstraint('name', name=op.f('uq_business_system_name'))
    )
    with op.batch_alter_table('business_system', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_business_system_subcommittee_id'), ['subcommittee_id'], unique=False)

    op.create_table('function',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('business_system_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('level1', sa.String(length=200), nullable=True),
    sa.Column('level2', sa.String(length=200), nullable=True),
    sa.Column('level3', sa.String(length=200), nullable=True),
    sa.Column('name', sa.String(length=400), nullable=False),
    sa.Column('requirement', sa.Text(), nullable=True),
    sa.Column('requirement_class', sa.String(length=20), nullable=True),
    sa.Column('fit', sa.String(length=1), nullable=True),
    sa.Column('convenience', sa.Boolean(), nullable=False),
    sa.Column('spec_version', sa.String(length=50), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['business_system_id'], ['business_system.id'], name=op.f('fk_function_business_system_id_business_system')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_function')),
    sa.UniqueConstraint('business_system_id', 'code', name='uq_function_system_code')
    )



def downgrade() -> None:
    op.drop_table('function')
    with op.batch_alter_table('business_system', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_business_system_subcommittee_id'))

    op.drop_table('business_system')
    op.drop_table('subcommittee')
    op.drop_table('member')
    op.drop_table('consortium')
