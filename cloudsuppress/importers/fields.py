"""The fields of a function list and their labels: light, so that the CLI's argument parser can
offer them without importing the readers (issue 18: every call builds the parser)."""
from __future__ import annotations

# field → label shown to the user
FIELDS: dict[str, str] = {
    "code": "機能ID",
    "business_system": "業務",
    "level1": "大分類",
    "level2": "中分類",
    "level3": "小分類",
    "name": "機能名",
    "requirement": "機能要件",
    "requirement_class": "実装区分",
    "fit": "適合度",
    "convenience": "便利機能",
    "vendor_cost": "カスタマイズ費用",
    "vendor_alternative": "代替案",
    "revision_kind": "改定区分",
    "revision_note": "改定内容",
    "rationale": "要件の考え方・理由",
    "row_number": "No.（通番）",
    "member_judgement": "団体の判定",
    "member_note": "団体の現行運用・要望",
}
REQUIRED_FIELDS = ("code", "name")
# The fields a column's drop-down offers (member columns are set by their group, not chosen).
FIELD_CHOICES = tuple(f for f in FIELDS if f not in ("member_judgement", "member_note"))
