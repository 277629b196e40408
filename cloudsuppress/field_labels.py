"""The words for the database's tables and columns, as people read them: the history tab, the
CSV of the audit trail and the limits' messages (「見積額は …」) all name a column the same way.

Plain data below the operations, so the importers and the limits can use it too.
"""
from __future__ import annotations

TABLE_LABELS = {
    "member": "構成団体", "subcommittee": "専門部会", "business_system": "業務", "function": "機能",
    "request_item": "要望項目", "member_request": "団体の要望", "hearing_note": "ヒアリング記録",
    "approval": "財政課協議・首長決裁", "status_change": "状態の変更",
    "meeting": "会議", "meeting_attendee": "出席者", "agenda_entry": "議題",
}
FIELD_LABELS = {
    "key": "要望番号", "title": "要望名", "status": "状態", "estimate": "見積額", "function_id": "機能",
    "business_system_id": "業務", "proposed_function": "新規機能名", "content": "要望内容", "reason": "理由区分",
    "service_drop": "住民サービス低下", "service_drop_detail": "低下の内容", "annual_cases": "年間処理件数",
    "workaround": "代替運用案", "withdrawn": "取下げ", "withdrawn_on": "取下げ日", "withdrawn_reason": "取下げ理由",
    "held_on": "実施日", "confirmed": "確認内容", "confirmed_cases": "確認件数", "stage": "段階",
    "approved_on": "日付", "reference": "文書番号", "from_status": "変更前の状態", "to_status": "変更後の状態",
    "meeting_id": "会議", "changed_by": "変更者", "name": "名称", "population": "人口", "member_id": "団体",
    "joined_on": "加入日", "subcommittee_id": "専門部会", "working_group": "分科会", "spec_version": "仕様書の版",
    "list_source": "機能一覧の取込元", "list_imported_at": "機能一覧の取込日時", "code": "番号",
    "level1": "大分類", "level2": "中分類", "level3": "小分類", "requirement": "要件", "requirement_class": "実装区分",
    "fit": "適合度", "convenience": "便利機能", "kind": "会議の種類", "number": "回", "start_time": "開始時刻",
    "end_time": "終了時刻", "place": "場所", "next_meeting": "次回予定", "next_meeting_on": "次回の日付",
    "role": "区分", "organization": "所属", "position": "議題の順番", "outcome": "協議結果", "notes": "協議内容",
    "decision_status": "決定した状態", "decision_reason": "決定の理由",
}
# The same column means something else in another table.
_TABLE_FIELD_LABELS = {
    ("status_change", "reason"): "理由",
    ("function", "code"): "機能ID", ("function", "name"): "機能名",
    ("member", "name"): "団体名", ("meeting", "title"): "会議名", ("meeting", "held_on"): "開催日",
    ("meeting_attendee", "name"): "氏名", ("meeting_attendee", "title"): "役職",
}


def field_label(table: str, field: str) -> str:
    """A column's name as people read it (the table-specific word first)."""
    return _TABLE_FIELD_LABELS.get((table, field)) or FIELD_LABELS.get(field, field)
