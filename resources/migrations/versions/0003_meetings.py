"""meetings, attendees, agenda entries; status_change.meeting_id becomes a real foreign key

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 16:29:59.623816

Before 0003 there was no meeting table, so any meeting id already stored in status_change
(the old demo wrote 1, 2, 3) pointed at nothing; those ids are cleared before the foreign key
is added. status_change is rebuilt in batch mode and keeps its AUTOINCREMENT.
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('subcommittee_id', sa.Integer(), nullable=True),
    sa.Column('business_system_id', sa.Integer(), nullable=True),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('start_time', sa.String(length=5), nullable=True),
    sa.Column('end_time', sa.String(length=5), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('next_meeting', sa.Text(), nullable=True),
    sa.Column('next_meeting_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['business_system_id'], ['business_system.id'], name=op.f('fk_meeting_business_system_id_business_system')),
    sa.ForeignKeyConstraint(['subcommittee_id'], ['subcommittee.id'], name=op.f('fk_meeting_subcommittee_id_subcommittee')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_subcommittee_id'), ['subcommittee_id'], unique=False)

    op.create_table('meeting_attendee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('organization', sa.String(length=100), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_attendee_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_meeting_attendee_member_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_attendee')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('meeting_attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_attendee_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_attendee_member_id'), ['member_id'], unique=False)

    op.execute("UPDATE status_change SET meeting_id = NULL WHERE meeting_id IS NOT NULL")
    with op.batch_alter_table('status_change', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_change_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_status_change_meeting_id_meeting'), 'meeting', ['meeting_id'], ['id'])

    op.create_table('agenda_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('decision_status', sa.String(length=20), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=True),
    sa.Column('status_change_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['request_item.id'], name=op.f('fk_agenda_entry_item_id_request_item')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_agenda_entry_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['status_change_id'], ['status_change.id'], name=op.f('fk_agenda_entry_status_change_id_status_change')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_entry')),
    sa.UniqueConstraint('meeting_id', 'item_id', name='uq_agenda_entry_meeting_item'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('agenda_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_entry_item_id'), ['item_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('status_change', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_status_change_meeting_id_meeting'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_status_change_meeting_id'))

    with op.batch_alter_table('agenda_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_entry_item_id'))

    op.drop_table('agenda_entry')
    with op.batch_alter_table('meeting_attendee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_attendee_member_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_attendee_meeting_id'))

    op.drop_table('meeting_attendee')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_subcommittee_id'))

    op.drop_table('meeting')
