"""what a 首長決裁 approved: the member's share, the item's estimate, the member's population and
the cost rule at the moment it was recorded (review R36)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 04:00:00

Shares are recomputed from current data, so without these a population update, a new rule or a
raised estimate silently changed amounts that mayors had approved. Rows recorded before this
migration keep NULL: what they approved is not known, and they are not flagged.
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('approval', schema=None) as batch_op:
        batch_op.add_column(sa.Column('approved_share', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('approved_estimate', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('approved_population', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('approved_rule', sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('approval', schema=None) as batch_op:
        batch_op.drop_column('approved_rule')
        batch_op.drop_column('approved_population')
        batch_op.drop_column('approved_estimate')
        batch_op.drop_column('approved_share')
