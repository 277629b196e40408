"""costs and the four measures: cost rule, per-item override, briefings, vendor-selection
events and attendance, late joiners' acceptance of earlier decisions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 16:54:47

Only rules are stored: cost shares are recomputed from the rule, the item's estimate and its
current members whenever they are shown. New tables only, so nothing existing is rebuilt.
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cost_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('ratio_equal', sa.Integer(), nullable=False),
    sa.Column('ratio_population', sa.Integer(), nullable=False),
    sa.Column('unit', sa.Integer(), nullable=False),
    sa.Column('population_date', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cost_rule')),
    sqlite_autoincrement=True
    )
    op.create_table('selection_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_event')),
    sa.UniqueConstraint('name', 'held_on', name='uq_selection_event_name_held_on'),
    sqlite_autoincrement=True
    )
    op.create_table('briefing',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('attendees', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_briefing_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_briefing')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('briefing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_briefing_member_id'), ['member_id'], unique=False)

    op.create_table('selection_attendee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('person', sa.String(length=100), nullable=False),
    sa.Column('section', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['selection_event.id'], name=op.f('fk_selection_attendee_event_id_selection_event')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_selection_attendee_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_attendee')),
    sa.UniqueConstraint('event_id', 'member_id', 'person', name='uq_selection_attendee_event_member_person'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('selection_attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_selection_attendee_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_selection_attendee_member_id'), ['member_id'], unique=False)

    op.create_table('decision_acceptance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['request_item.id'], name=op.f('fk_decision_acceptance_item_id_request_item')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_decision_acceptance_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_acceptance')),
    sa.UniqueConstraint('member_id', 'item_id', name='uq_decision_acceptance_member_item'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('decision_acceptance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_acceptance_item_id'), ['item_id'], unique=False)

    op.create_table('item_cost_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('ratio_equal', sa.Integer(), nullable=False),
    sa.Column('ratio_population', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['request_item.id'], name=op.f('fk_item_cost_rule_item_id_request_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_cost_rule')),
    sa.UniqueConstraint('item_id', name=op.f('uq_item_cost_rule_item_id')),
    sqlite_autoincrement=True
    )


def downgrade() -> None:
    op.drop_table('item_cost_rule')
    with op.batch_alter_table('decision_acceptance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_acceptance_item_id'))

    op.drop_table('decision_acceptance')
    with op.batch_alter_table('selection_attendee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_selection_attendee_member_id'))
        batch_op.drop_index(batch_op.f('ix_selection_attendee_event_id'))

    op.drop_table('selection_attendee')
    with op.batch_alter_table('briefing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_briefing_member_id'))

    op.drop_table('briefing')
    op.drop_table('selection_event')
    op.drop_table('cost_rule')
