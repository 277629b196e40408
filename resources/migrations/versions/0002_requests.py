"""requests, status history, approvals, hearing notes, audit trail

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 16:10:03.443589
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=400), nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('undoable', sa.Boolean(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_action')),
    sqlite_autoincrement=True
    )
    op.create_table('audit_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=50), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('field', sa.String(length=50), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['action_id'], ['audit_action.id'], name=op.f('fk_audit_change_action_id_audit_action')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_change'))
    )
    with op.batch_alter_table('audit_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_change_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_change_item_id'), ['item_id'], unique=False)

    op.create_table('request_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=30), nullable=False),
    sa.Column('function_id', sa.Integer(), nullable=True),
    sa.Column('business_system_id', sa.Integer(), nullable=True),
    sa.Column('proposed_function', sa.String(length=400), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('estimate', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['business_system_id'], ['business_system.id'],
                            name=op.f('fk_request_item_business_system_id_business_system')),
    sa.ForeignKeyConstraint(['function_id'], ['function.id'], name=op.f('fk_request_item_function_id_function')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_item')),
    sa.UniqueConstraint('key', name=op.f('uq_request_item_key')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('request_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_item_business_system_id'), ['business_system_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_request_item_function_id'), ['function_id'], unique=False)

    op.create_table('member_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('service_drop', sa.Boolean(), nullable=False),
    sa.Column('service_drop_detail', sa.Text(), nullable=False),
    sa.Column('annual_cases', sa.Integer(), nullable=True),
    sa.Column('workaround', sa.Text(), nullable=True),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['request_item.id'], name=op.f('fk_member_request_item_id_request_item')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_member_request_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_request')),
    sa.UniqueConstraint('item_id', 'member_id', name='uq_member_request_item_member'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('member_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_request_member_id'), ['member_id'], unique=False)

    op.create_table('status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['request_item.id'], name=op.f('fk_status_change_item_id_request_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_change')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_change_item_id'), ['item_id'], unique=False)

    op.create_table('approval',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_request_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=10), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['member_request_id'], ['member_request.id'], name=op.f('fk_approval_member_request_id_member_request')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approval')),
    sa.UniqueConstraint('member_request_id', 'stage', name='uq_approval_member_request_stage'),
    sqlite_autoincrement=True
    )
    op.create_table('hearing_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_request_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('confirmed', sa.Text(), nullable=False),
    sa.Column('confirmed_cases', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_request_id'], ['member_request.id'], name=op.f('fk_hearing_note_member_request_id_member_request')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hearing_note')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('hearing_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hearing_note_member_request_id'), ['member_request_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('hearing_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hearing_note_member_request_id'))

    op.drop_table('hearing_note')
    op.drop_table('approval')
    with op.batch_alter_table('status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_change_item_id'))

    op.drop_table('status_change')
    with op.batch_alter_table('member_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_request_member_id'))

    op.drop_table('member_request')
    with op.batch_alter_table('request_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_request_item_function_id'))
        batch_op.drop_index(batch_op.f('ix_request_item_business_system_id'))

    op.drop_table('request_item')
    with op.batch_alter_table('audit_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_change_item_id'))
        batch_op.drop_index(batch_op.f('ix_audit_change_action_id'))

    op.drop_table('audit_change')
    op.drop_table('audit_action')
