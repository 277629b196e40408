"""The domain: what the consortium's records are (models), how a request moves (workflow), how a
customization's cost is shared (costs), the words (vocab), the Japanese calendar (wareki) and the
audit trail of every change (audit). No Qt, no adapters."""
