<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>団体を追加</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>団体を編集</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <source>例: 大子町</source>
        <translation>e.g. Daigo Town</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>参加日を記録する</source>
        <translation>Record the joining date</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Member name</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>参加日</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>団体名を入力してください。</source>
        <translation>Enter the member&apos;s name.</translation>
    </message>
    <message>
        <source>団体「{0}」はすでに登録されています。</source>
        <translation>The member &quot;{0}&quot; is already registered.</translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>継続審議</source>
        <translation>Continued</translation>
    </message>
    <message>
        <source>決定（カスタマイズ実施・決裁後に確定）</source>
        <translation>Decided (customize; final after approvals)</translation>
    </message>
    <message>
        <source>決定（{0}）</source>
        <translation>Decided ({0})</translation>
    </message>
    <message>
        <source>［継続］{0}</source>
        <translation>[Continued] {0}</translation>
    </message>
    <message>
        <source>帳票 {0}</source>
        <translation>Form {0}</translation>
    </message>
    <message>
        <source>理由: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <source>協議内容: {0}</source>
        <translation>Discussion: {0}</translation>
    </message>
    <message>
        <source>順</source>
        <translation>#</translation>
    </message>
    <message>
        <source>要望番号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>要望名</source>
        <translation>Request title</translation>
    </message>
    <message>
        <source>業務</source>
        <translation>Business system</translation>
    </message>
    <message>
        <source>要望団体</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>協議結果</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>AttendeeDialog</name>
    <message>
        <source>出席者を追加</source>
        <translation>Add attendee</translation>
    </message>
    <message>
        <source>例: 佐藤 一郎</source>
        <translation>e.g. Ichiro Sato</translation>
    </message>
    <message>
        <source>例: 市民課 主査</source>
        <translation>e.g. Citizens Division, chief</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>団体を選んでください（団体が未登録です）。</source>
        <translation>Choose a member (no members are registered).</translation>
    </message>
    <message>
        <source>氏名を入力してください。</source>
        <translation>Enter the name.</translation>
    </message>
    <message>
        <source>構成団体</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>ベンダー</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>事務局</source>
        <translation>Secretariat</translation>
    </message>
    <message>
        <source>協議会事務局</source>
        <translation>Consortium secretariat</translation>
    </message>
</context>
<context>
    <name>AttendeeTableModel</name>
    <message>
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>（取消済み）</source>
        <translation>(undone)</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>{0}・{1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>操作者</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>変更前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>変更後</source>
        <translation>After</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <source>庁内説明会を記録</source>
        <translation>Record an internal briefing</translation>
    </message>
    <message>
        <source>庁内説明会の記録を修正</source>
        <translation>Edit internal briefing record</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>例: 全課長級を対象に、カスタマイズ抑制の方針を説明</source>
        <translation>e.g. explained the non-customization policy to all section chiefs</translation>
    </message>
    <message>
        <source>構成団体</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>BulkOutcomeDialog</name>
    <message>
        <source>協議結果をまとめて記録</source>
        <translation>Record outcomes together</translation>
    </message>
    <message>
        <source> ほか {0} 件</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <source>{0}の議題から選んだ要望 {1} 件: {2}</source>
        <translation>{1} requests chosen from the agenda of {0}: {2}</translation>
    </message>
    <message>
        <source>例: 標準機能の運用で対応できることを全団体で確認した</source>
        <translation>e.g. All members confirmed the standard function covers their work</translation>
    </message>
    <message>
        <source>「協議結果」タブで 1 件ずつ記録するのと同じ規則です。1 件でも記録できない要望があれば、どれも記録しません（元に戻すは 1 回でまとめて戻ります）。</source>
        <translation>The same rules as recording one at a time in the Outcomes tab. If any request cannot be recorded, none is (one Undo reverts them all).</translation>
    </message>
    <message>
        <source>協議結果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>決定内容</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>記録</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>BulkStatusDialog</name>
    <message>
        <source>状態をまとめて変更</source>
        <translation>Change status of several requests</translation>
    </message>
    <message>
        <source> ほか {0} 件</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <source>選んだ要望 {0} 件: {1}</source>
        <translation>Selected requests ({0}): {1}</translation>
    </message>
    <message>
        <source>例: 第2回部会で協議した結果、代替運用で対応する</source>
        <translation>e.g. agreed at the 2nd subcommittee: a workaround</translation>
    </message>
    <message>
        <source>1 件でも変更できない要望があれば、どれも変更しません（元に戻すは 1 回でまとめて戻ります）。</source>
        <translation>If any request cannot be changed, none is changed (a single Undo reverts them all).</translation>
    </message>
    <message>
        <source>変更後の状態</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>要望</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>検討中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>標準化</source>
        <translation>Standardized</translation>
    </message>
    <message>
        <source>取下げ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>カスタマイズ実施</source>
        <translation>Customized</translation>
    </message>
</context>
<context>
    <name>BusinessSystemDialog</name>
    <message>
        <source>業務を追加</source>
        <translation>Add business system</translation>
    </message>
    <message>
        <source>例: 住民業務（新しい専門部会は名称を入力）</source>
        <translation>e.g. 住民業務 (type a name for a new subcommittee)</translation>
    </message>
    <message>
        <source>例: 住民基本台帳（機能一覧の業務名と同じ表記）</source>
        <translation>e.g. 住民基本台帳 (spelled as in the function list)</translation>
    </message>
    <message>
        <source>任意（例: 1-2）</source>
        <translation>Optional (e.g. 1-2)</translation>
    </message>
    <message>
        <source>任意（空欄なら「業務名WG」）</source>
        <translation>Optional (blank: &quot;&lt;system name&gt;WG&quot;)</translation>
    </message>
    <message>
        <source>専門部会</source>
        <translation>Subcommittee</translation>
    </message>
    <message>
        <source>業務名</source>
        <translation>Business system</translation>
    </message>
    <message>
        <source>業務番号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>ワーキンググループ</source>
        <translation>Working group</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>専門部会を選ぶか、新しい専門部会の名称を入力してください。</source>
        <translation>Choose a subcommittee or type the name of a new one.</translation>
    </message>
    <message>
        <source>業務名を入力してください。</source>
        <translation>Enter the business system&apos;s name.</translation>
    </message>
    <message>
        <source>業務「{0}」はすでにあります。</source>
        <translation>Business system &quot;{0}&quot; already exists.</translation>
    </message>
    <message>
        <source>専門部会「{0}」も新しく追加します。</source>
        <translation>Subcommittee &quot;{0}&quot; will be added too.</translation>
    </message>
    <message>
        <source>業務の追加</source>
        <translation>Add business system</translation>
    </message>
    <message>
        <source>「{0}」は、登録済みの業務「{1}」の別の呼び方として読まれます（機能一覧・要望票の業務名）。同じ業務なら追加は不要です。

別の業務として追加しますか？追加すると、業務名が「{0}」の一覧はその新しい業務に取り込まれます。</source>
        <translation>&quot;{0}&quot; is read as another name for the registered business system &quot;{1}&quot; (in function lists and request forms). If it is the same business system, there is no need to add it.

Add it as a separate business system? Lists naming &quot;{0}&quot; will then be imported into the new one.</translation>
    </message>
</context>
<context>
    <name>ColumnMeaningTable</name>
    <message>
        <source>列の意味と先頭の行</source>
        <translation>Column meanings and first rows</translation>
    </message>
    <message>
        <source>列の意味</source>
        <translation>Column meanings</translation>
    </message>
    <message>
        <source>見出し</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>{0}列の意味</source>
        <translation>Meaning of column {0}</translation>
    </message>
    <message>
        <source>意味: {0}</source>
        <translation>Meaning: {0}</translation>
    </message>
    <message>
        <source>他の候補: {0}</source>
        <translation>Other candidates: {0}</translation>
    </message>
    <message>
        <source>欠番（削除された機能ID）: 残しますが、件数やギャップ率には数えません。</source>
        <translation>Retired (deleted function ID): kept, but not counted in totals or the gap rate.</translation>
    </message>
</context>
<context>
    <name>ComparisonExportDialog</name>
    <message>
        <source>比較一覧表を PDF に書き出す</source>
        <translation>Export the comparison table as PDF</translation>
    </message>
    <message>
        <source>比較一覧表を Excel に書き出す</source>
        <translation>Export the comparison table to Excel</translation>
    </message>
    <message>
        <source>A3 横</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <source>A4 横</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <source>資料1</source>
        <translation>資料1</translation>
    </message>
    <message>
        <source>例: 資料2</source>
        <translation>e.g. 資料2</translation>
    </message>
    <message>
        <source>（会議を指定しない）</source>
        <translation>(no meeting)</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>画面の絞り込み（専門部会・団体・未決定のみ・縦長表示）がそのまま反映されます。会議を指定すると、その会議の議題を議題の順に載せます。</source>
        <translation>The screen&apos;s filters (subcommittee, member, undecided only, long layout) apply as they are. With a meeting, its agenda is printed in agenda order.</translation>
    </message>
    <message>
        <source>用紙</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>資料番号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>作成日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>書き出す…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>印字: {0}現在</source>
        <translation>Printed: as of {0}</translation>
    </message>
    <message>
        <source>資料番号を入力してください（例: 資料1）。</source>
        <translation>Enter the document number (e.g. 資料1).</translation>
    </message>
</context>
<context>
    <name>ComparisonTableModel</name>
    <message>
        <source>件数未記入</source>
        <translation>Case count not given</translation>
    </message>
    <message>
        <source>{0}件/年</source>
        <translation>{0}/year</translation>
    </message>
    <message>
        <source>{0}（取下げ）</source>
        <translation>{0} (withdrawn)</translation>
    </message>
    <message>
        <source>［取下げ］</source>
        <translation>[Withdrawn]</translation>
    </message>
    <message>
        <source>住民サービス {0}</source>
        <translation>Resident services: {0}</translation>
    </message>
    <message>
        <source>年間処理件数: {0}</source>
        <translation>Annual case count: {0}</translation>
    </message>
    <message>
        <source>理由: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <source>住民サービス水準: {0} — {1}</source>
        <translation>Resident service level: {0} — {1}</translation>
    </message>
    <message>
        <source>代替運用案: {0}</source>
        <translation>Workaround: {0}</translation>
    </message>
    <message>
        <source>（新規）</source>
        <translation>(new)</translation>
    </message>
    <message>
        <source>帳票 {0}</source>
        <translation>Form {0}</translation>
    </message>
    <message>
        <source>標準機能で運用: {0}団体（{1}）</source>
        <translation>Members using the standard function: {0} ({1})</translation>
    </message>
    <message>
        <source>要望なし: {0}団体（{1}）</source>
        <translation>Members without a request: {0} ({1})</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>{0} {1}
{2}：{3} {4}{5}
要望団体: {6}</source>
        <translation>{0} {1}
{2}: {3} {4}{5}
Requested by: {6}</translation>
    </message>
    <message>
        <source>{0}（{1} 件）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>要望番号・要望名・機能</source>
        <translation>Request / function</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>要望内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>年間件数</source>
        <translation>Cases/year</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>住民サービス水準への影響</source>
        <translation>Effect on resident services</translation>
    </message>
    <message>
        <source>見積額</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>決定内容</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>△・×と判定し要望なし: {0}</source>
        <translation>Judged △/× without a request: {0}</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>カスタマイズ要望比較一覧表</source>
        <translation>Customization request comparison table</translation>
    </message>
    <message>
        <source>部会で各団体の要望を並べて協議するための表です。団体欄は要望内容・年間処理件数・理由・住民サービス水準が低下するかの回答（空欄はその団体の要望なし）。
セルにマウスを置くと全文を表示します。</source>
        <translation>Each member&apos;s requests side by side, for discussion in the subcommittee. A member&apos;s column shows the request, annual case count, reason and whether resident services would drop (blank: no request from that member).
Hover over a cell to see the full text.</translation>
    </message>
    <message>
        <source>PDF に書き出す…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Excel に書き出す…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>未決定のみ</source>
        <translation>Undecided only</translation>
    </message>
    <message>
        <source>縦長表示</source>
        <translation>Long layout</translation>
    </message>
    <message>
        <source>団体ごとに 1 行で表示します（団体が {0} を超えると自動で縦長）</source>
        <translation>One row per member (automatic with more than {0} members)</translation>
    </message>
    <message>
        <source>専門部会</source>
        <translation>Subcommittee</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>表示 {0} 件／全 {1} 件</source>
        <translation>Showing {0} of {1}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>{0}部会</source>
        <translation>{0}_subcommittee</translation>
    </message>
    <message>
        <source>比較一覧表</source>
        <translation>comparison_table</translation>
    </message>
    <message>
        <source>比較一覧表を書き出す</source>
        <translation>Export the comparison table</translation>
    </message>
    <message>
        <source>比較一覧表を書き出しています…</source>
        <translation>Exporting the comparison table…</translation>
    </message>
    <message>
        <source>比較一覧表を書き出しました: {0}</source>
        <translation>Comparison table exported: {0}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>要望名</source>
        <translation>Request title</translation>
    </message>
    <message>
        <source>見積額（円）</source>
        <translation>Estimate (yen)</translation>
    </message>
    <message>
        <source>機能</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>業務</source>
        <translation>Business system</translation>
    </message>
    <message>
        <source>新しい機能の名称</source>
        <translation>Name of the new function</translation>
    </message>
    <message>
        <source>要望内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>理由区分</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>住民サービスの低下</source>
        <translation>Lower service for residents</translation>
    </message>
    <message>
        <source>低下の内容</source>
        <translation>How service drops</translation>
    </message>
    <message>
        <source>年間件数</source>
        <translation>Cases/year</translation>
    </message>
    <message>
        <source>運用での回避策</source>
        <translation>Workaround</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>加入日</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>他の利用者が先に保存しました</source>
        <translation>Another user saved first</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>自分の変更</source>
        <translation>My change</translation>
    </message>
    <message>
        <source>現在の内容</source>
        <translation>Current content</translation>
    </message>
    <message>
        <source>最新の内容を読み込む</source>
        <translation>Load the latest content</translation>
    </message>
    <message>
        <source>自分の変更を重ねて保存</source>
        <translation>Save my changes on top</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>何も上書きしていません。最新の内容を読み込むと、あなたの変更は破棄されます。重ねて保存すると、上の「自分の変更」の項目だけが最新の内容に上書きされます。</source>
        <translation>Nothing has been overwritten. Loading the latest content discards your changes. Saving on top writes only the fields under &quot;My change&quot; over the latest content.</translation>
    </message>
    <message>
        <source>（空欄）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{0}は、他の利用者が削除しました。</source>
        <translation>{0} was deleted by another user.</translation>
    </message>
    <message>
        <source>{0}は、あなたが編集している間に他の利用者が変更しました。</source>
        <translation>{0} was changed by another user while you were editing it.</translation>
    </message>
    <message>
        <source>（不明）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>変更した人: {0}&#x3000;変更日時: {1}&#x3000;版: {2} → {3}&#x3000;（保存はしていません）</source>
        <translation>Changed by: {0}   at: {1}   version: {2} → {3}   (your changes are not saved)</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>（削除されています）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>変更した項目はありません。最新の内容を読み込んでください。</source>
        <translation>No changed fields. Please load the latest content.</translation>
    </message>
    <message>
        <source>読み込めません</source>
        <translation>Cannot load</translation>
    </message>
    <message>
        <source>その間に、さらに別の利用者が変更しました。内容を確認して、もう一度選んでください。</source>
        <translation>Meanwhile yet another user changed it. Check the content and choose again.</translation>
    </message>
    <message>
        <source>保存できません</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>共有データベースに接続</source>
        <translation>Connect to a shared database</translation>
    </message>
    <message>
        <source>複数の事務局員で同じデータを使うときは、PostgreSQL の共有データベースに接続します。接続先はシステム担当者に確認してください。</source>
        <translation>When several secretariat staff work on the same data, connect to a shared PostgreSQL database. Ask your system administrator for the connection details.</translation>
    </message>
    <message>
        <source>例: db.example.lg.jp</source>
        <translation>e.g. db.example.lg.jp</translation>
    </message>
    <message>
        <source>不要なサーバーでは空欄</source>
        <translation>Leave empty if the server needs none</translation>
    </message>
    <message>
        <source>パスワードを保存する（OS の資格情報）</source>
        <translation>Save the password (OS credential store)</translation>
    </message>
    <message>
        <source>パスワードは Windows の資格情報マネージャーなど OS の安全な保管場所に保存され、設定ファイルには書かれません。</source>
        <translation>The password is kept in the operating system&apos;s secure store (such as the Windows Credential Manager), never in the settings file.</translation>
    </message>
    <message>
        <source>この環境では OS の資格情報（キーリング）を使えないため、パスワードは保存できません。起動するたびに入力してください。</source>
        <translation>No OS credential store (keyring) is available here, so the password cannot be saved. Enter it at each start.</translation>
    </message>
    <message>
        <source>サーバー</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>ポート</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>データベース</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>接続テスト</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>接続</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>接続できました: {0}</source>
        <translation>Connected: {0}</translation>
    </message>
    <message>
        <source>接続できません: {0}</source>
        <translation>Cannot connect: {0}</translation>
    </message>
</context>
<context>
    <name>ConsortiumPage</name>
    <message>
        <source>協議会</source>
        <translation>Consortium</translation>
    </message>
    <message>
        <source>協議会の名称と、専門部会・業務のひな形を選びます。</source>
        <translation>Name the consortium and choose the template of subcommittees and business systems.</translation>
    </message>
    <message>
        <source>例: ○○自治体クラウド基幹業務運営協議会</source>
        <translation>e.g. XX Municipal Cloud Core Systems Council</translation>
    </message>
    <message>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>保存先を選ぶ</source>
        <translation>Choose where to save</translation>
    </message>
    <message>
        <source>協議会の名称（必須）</source>
        <translation>Consortium name (required)</translation>
    </message>
    <message>
        <source>専門部会・業務</source>
        <translation>Subcommittees and business systems</translation>
    </message>
    <message>
        <source>保存先</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>協議会データベースの保存先</source>
        <translation>Where to save the consortium database</translation>
    </message>
    <message>
        <source>茨城県方式（4専門部会・33業務）</source>
        <translation>Ibaraki model (4 subcommittees, 33 business systems)</translation>
    </message>
    <message>
        <source>空（部会・業務を自分で登録）</source>
        <translation>Empty (register subcommittees and systems yourself)</translation>
    </message>
    <message>
        <source>協議会データベース (*.sqlite)</source>
        <translation>Consortium database (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>ConsortiumSettingsDialog</name>
    <message>
        <source>協議会の設定</source>
        <translation>Consortium settings</translation>
    </message>
    <message>
        <source>例: 那珂市（「那珂市長」と印字）</source>
        <translation>e.g. 那珂市 (printed as &quot;那珂市長&quot;)</translation>
    </message>
    <message>
        <source>会長の所属団体</source>
        <translation>Chair&apos;s municipality</translation>
    </message>
    <message>
        <source>例: 山田&#x3000;太郎</source>
        <translation>e.g. 山田&#x3000;太郎</translation>
    </message>
    <message>
        <source>会長の氏名</source>
        <translation>Chair&apos;s name</translation>
    </message>
    <message>
        <source>通知に「（公印省略）」と印字する</source>
        <translation>Print &quot;（公印省略）&quot; (official seal omitted) on notices</translation>
    </message>
    <message>
        <source>発信者（会長）</source>
        <translation>Sender (chair)</translation>
    </message>
    <message>
        <source>所属団体</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>例: 協議会事務局（那珂市総務部情報政策課）</source>
        <translation>e.g. 協議会事務局（那珂市総務部情報政策課）</translation>
    </message>
    <message>
        <source>事務局の担当課</source>
        <translation>Secretariat section</translation>
    </message>
    <message>
        <source>例: 木村&#x3000;直子</source>
        <translation>e.g. 木村&#x3000;直子</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>例: 029-270-8011（内線123）</source>
        <translation>e.g. 029-270-8011（内線123）</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>例: jimukyoku@example.lg.jp</source>
        <translation>e.g. jimukyoku@example.lg.jp</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>担当（通知の末尾に印字）</source>
        <translation>Contact (printed at the end of notices)</translation>
    </message>
    <message>
        <source>担当課</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>協議会のデータベースに保存され、事務局の全員で共有します。負担額通知の発信者と担当欄に印字します。</source>
        <translation>Stored in the consortium database and shared by the whole secretariat. Printed as the sender and the contact on cost notices.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>CostTableModel</name>
    <message>
        <source>未定</source>
        <translation>Not yet known</translation>
    </message>
    <message>
        <source>{0}（見込）</source>
        <translation>{0} (forecast)</translation>
    </message>
    <message>
        <source>（要再決裁）</source>
        <translation> (re-approval needed)</translation>
    </message>
    <message>
        <source>{0}。改めて財政課協議・首長決裁が必要です。</source>
        <translation>{0}. A new finance consultation and mayor&apos;s approval are needed.</translation>
    </message>
    <message>
        <source>検討中の要望: 見積額と要望団体による見込みです</source>
        <translation>Open request: a forecast from the estimate and the members asking</translation>
    </message>
    <message>
        <source>要望番号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>見積額</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <source>按分方法</source>
        <translation>Sharing method</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>機能数</source>
        <translation>Functions</translation>
    </message>
    <message>
        <source>○</source>
        <translation>○</translation>
    </message>
    <message>
        <source>△</source>
        <translation>△</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>未評価</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>ギャップ率</source>
        <translation>Gap rate</translation>
    </message>
    <message>
        <source>要望
項目</source>
        <translation>Request
items</translation>
    </message>
    <message>
        <source>カスタマイズ
実施</source>
        <translation>Custom-
ized</translation>
    </message>
    <message>
        <source>標準化</source>
        <translation>Standardized</translation>
    </message>
    <message>
        <source>取下げ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>検討中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>未検討</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>カスタマイズ要望項目</source>
        <translation>Customization requests</translation>
    </message>
    <message>
        <source>カスタマイズを行った項目</source>
        <translation>Customized items</translation>
    </message>
    <message>
        <source>標準機能として実装された項目</source>
        <translation>Items standardized in the package</translation>
    </message>
    <message>
        <source>要望を取下げた項目</source>
        <translation>Withdrawn items</translation>
    </message>
    <message>
        <source>検討中の項目</source>
        <translation>Items under review</translation>
    </message>
    <message>
        <source>要望（未検討）の項目</source>
        <translation>Requested items not yet reviewed</translation>
    </message>
    <message>
        <source>はじめに</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>この協議会で最初にすること</source>
        <translation>First steps for this consortium</translation>
    </message>
    <message>
        <source>構成団体</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>参加日</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>専門部会・業務</source>
        <translation>Subcommittees and business systems</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>カスタマイズ要望の結果（団体別・専門部会別）</source>
        <translation>Customization request outcomes (by member and subcommittee)</translation>
    </message>
    <message>
        <source>専門部会・業務ごとの適合状況</source>
        <translation>Fit by subcommittee and business system</translation>
    </message>
    <message>
        <source>4つの方策</source>
        <translation>Four measures</translation>
    </message>
    <message>
        <source>要望の結果・適合状況</source>
        <translation>Outcomes and fit</translation>
    </message>
    <message>
        <source>構成団体 {0} 団体（人口 計 {1} 人）・専門部会 {2}・業務 {3}</source>
        <translation>{0} members (population {1}) · {2} subcommittees · {3} business systems</translation>
    </message>
    <message>
        <source>構成団体を登録する</source>
        <translation>Register the members</translation>
    </message>
    <message>
        <source>「団体」画面の「団体を追加…」または「団体一覧を取り込む…」</source>
        <translation>Members screen: &quot;Add member…&quot; or &quot;Import member list…&quot;</translation>
    </message>
    <message>
        <source>専門部会と業務を登録する</source>
        <translation>Register subcommittees and business systems</translation>
    </message>
    <message>
        <source>「ファイル」＞「業務を追加…」</source>
        <translation>File &gt; Add business system…</translation>
    </message>
    <message>
        <source>パッケージの機能一覧を取り込む</source>
        <translation>Import the package&apos;s function list</translation>
    </message>
    <message>
        <source>「ファイル」＞「機能一覧を取り込む…」（Ctrl+I）。業務は取り込みの画面でも追加できます</source>
        <translation>File &gt; Import function list… (Ctrl+I). Business systems can be added there too</translation>
    </message>
    <message>
        <source>団体の要望を登録する</source>
        <translation>Register the members&apos; requests</translation>
    </message>
    <message>
        <source>「要望」画面の「要望様式を書き出す…」で要望票を配り、「要望を取り込む…」で取り込みます</source>
        <translation>Requests screen: hand out forms with &quot;Export request forms…&quot;, then &quot;Import requests…&quot;</translation>
    </message>
    <message>
        <source>ギャップ率（△＋×／評価済み）</source>
        <translation>Gap rate (△+× / assessed)</translation>
    </message>
    <message>
        <source>△ {0} 件&#x3000;× {1} 件／評価済み {2} 件</source>
        <translation>△ {0}  × {1} / {2} assessed</translation>
    </message>
    <message>
        <source>未評価 {0} 件</source>
        <translation>{0} not assessed</translation>
    </message>
    <message>
        <source>○ 標準で対応</source>
        <translation>○ standard</translation>
    </message>
    <message>
        <source>業務 {0} 件の合計</source>
        <translation>Total of {0} business systems</translation>
    </message>
    <message>
        <source>便利機能</source>
        <translation>Convenience</translation>
    </message>
    <message>
        <source>レベルアップ・代替提案・稼働後検討で対応</source>
        <translation>Handled by level-up, alternative proposal or review after go-live</translation>
    </message>
    <message>
        <source>実施 {0}・標準化 {1}・取下げ {2}・検討中 {3}・未検討 {4}</source>
        <translation>Customized {0} · Standardized {1} · Withdrawn {2} · Under review {3} · Not reviewed {4}</translation>
    </message>
    <message>
        <source>未決定 {0} 件のうち&#x3000;1団体のみ {1}・全団体 {2}</source>
        <translation>{0} undecided: {1} from one member, {2} from all</translation>
    </message>
    <message>
        <source>1団体のみ: ほかの団体は要望せず標準の機能で業務を行っている項目（他団体の運用が判断の材料になります）。全団体: すべての団体が要望している項目（標準化の候補）。</source>
        <translation>One member only: no other member asked; the others work with the standard function (their practice helps decide). All members: every member asked (a candidate for standardization).</translation>
    </message>
    <message>
        <source>カスタマイズ抑制率</source>
        <translation>Customization suppression rate</translation>
    </message>
    <message>
        <source>決定 {0} 件中 カスタマイズせず {1} 件</source>
        <translation>{1} of {0} decided without customization</translation>
    </message>
    <message>
        <source>標準化・取下げ／決定済みの要望項目（実施・標準化・取下げ）</source>
        <translation>Standardized + withdrawn / decided request items (customized, standardized, withdrawn)</translation>
    </message>
    <message>
        <source>協議会全体</source>
        <translation>Whole consortium</translation>
    </message>
    <message>
        <source>構成団体別</source>
        <translation>By member</translation>
    </message>
    <message>
        <source>専門部会別</source>
        <translation>By subcommittee</translation>
    </message>
    <message>
        <source>計</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>合計</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>DatabaseMenu</name>
    <message>
        <source>引継ぎファイル (*.zip)</source>
        <translation>Handover files (*.zip)</translation>
    </message>
    <message>
        <source>協議会データベース (*.sqlite)</source>
        <translation>Consortium database (*.sqlite)</translation>
    </message>
    <message>
        <source>データベースを開いています…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>データベースを開けません</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>データベースが壊れています</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>{0}

最新の正常なバックアップ（{1:%Y-%m-%d %H:%M}、{2}）から復元しますか？いまのファイルは別の名前で保存されます。</source>
        <translation>{0}

Restore the newest sound backup ({1:%Y-%m-%d %H:%M}, {2})? The current file is kept under another name.</translation>
    </message>
    <message>
        <source>復元できません</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>復元しました</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>バックアップから復元しました。壊れていたファイルは次の場所に保存しました:
{0}</source>
        <translation>Restored from the backup. The damaged file was kept at:
{0}</translation>
    </message>
    <message>
        <source>共有データベースに接続…</source>
        <translation>Connect to a shared database…</translation>
    </message>
    <message>
        <source>バックアップから復元…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>引継ぎファイルを書き出す…</source>
        <translation>Export a handover file…</translation>
    </message>
    <message>
        <source>引継ぎファイルを取り込む…</source>
        <translation>Import a handover file…</translation>
    </message>
    <message>
        <source> — 読み取り専用</source>
        <translation> — read-only</translation>
    </message>
    <message>
        <source> — 共有モード（{0}）</source>
        <translation> — shared mode ({0})</translation>
    </message>
    <message>
        <source>読み取り専用</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>共有モード</source>
        <translation>Shared mode</translation>
    </message>
    <message>
        <source>保存場所に注意</source>
        <translation>Check the storage location</translation>
    </message>
    <message>
        <source>バックアップを作成できませんでした</source>
        <translation>Could not create a backup</translation>
    </message>
    <message>
        <source>書き込めません</source>
        <translation>Cannot write</translation>
    </message>
    <message>
        <source>データベースについての注意</source>
        <translation>About this database</translation>
    </message>
    <message>
        <source>他の利用者の変更を反映しました</source>
        <translation>Showing other users&apos; changes</translation>
    </message>
    <message>
        <source>（{0}: {1}）</source>
        <translation> ({0}: {1})</translation>
    </message>
    <message>
        <source>接続できません</source>
        <translation>Cannot connect</translation>
    </message>
    <message>
        <source>共有データベースに接続しました: {0}</source>
        <translation>Connected to the shared database: {0}</translation>
    </message>
    <message>
        <source>バックアップから復元</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>共有データベースのバックアップは、サーバーの管理者が行います。</source>
        <translation>Backups of a shared database are made by the server&apos;s administrator.</translation>
    </message>
    <message>
        <source>{0:%Y-%m-%d %H:%M}（{1}）のバックアップで、いまのデータベースを置き換えます。それ以降の変更は、この画面からは見えなくなります（いまのファイルは別の名前で保存します）。復元しますか？</source>
        <translation>The current database will be replaced by the backup of {0:%Y-%m-%d %H:%M} ({1}). Later changes will no longer be shown (the current file is kept under another name). Restore?</translation>
    </message>
    <message>
        <source>バックアップから復元しました。復元前のデータベースは次の場所に保存しました:
{0}</source>
        <translation>Restored from the backup. The database as it was before was kept at:
{0}</translation>
    </message>
    <message>
        <source>バックアップから復元しました</source>
        <translation>Restored from the backup</translation>
    </message>
    <message>
        <source>協議会</source>
        <translation>consortium</translation>
    </message>
    <message>
        <source>引継ぎファイルを書き出す</source>
        <translation>Export a handover file</translation>
    </message>
    <message>
        <source>引継ぎ</source>
        <translation>handover</translation>
    </message>
    <message>
        <source>引継ぎファイルを書き出しています…</source>
        <translation>Writing the handover file…</translation>
    </message>
    <message>
        <source>書き出せません</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>引継ぎファイル</source>
        <translation>Handover file</translation>
    </message>
    <message>
        <source>引継ぎファイルを書き出しました（{0:,} 行）:
{1}</source>
        <translation>Wrote the handover file ({0:,} rows):
{1}</translation>
    </message>
    <message>
        <source>引継ぎファイルを取り込む</source>
        <translation>Import a handover file</translation>
    </message>
    <message>
        <source>取り込めません</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>引継ぎファイルは空のデータベースにだけ取り込めます（いまの協議会は上書きしません）。新しい空のデータベースファイルを作って、そこに取り込みますか？</source>
        <translation>A handover file can only be imported into an empty database (the current consortium is never overwritten). Create a new empty database file and import into it?</translation>
    </message>
    <message>
        <source>新しいデータベースファイル</source>
        <translation>New database file</translation>
    </message>
    <message>
        <source>「{0}」はすでにあります。新しいファイル名を指定してください。</source>
        <translation>&quot;{0}&quot; already exists. Please give a new file name.</translation>
    </message>
    <message>
        <source>引継ぎファイルを取り込んでいます…</source>
        <translation>Importing the handover file…</translation>
    </message>
    <message>
        <source>引継ぎファイルを取り込みました: {0}（{1:,} 行）</source>
        <translation>Imported the handover file: {0} ({1:,} rows)</translation>
    </message>
    <message>
        <source>ほかで編集中のデータベース</source>
        <translation>Database in use elsewhere</translation>
    </message>
    <message>
        <source>読み取り専用で開く</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>不明な利用者</source>
        <translation>Unknown user</translation>
    </message>
    <message>
        <source>不明なコンピューター</source>
        <translation>Unknown computer</translation>
    </message>
    <message>
        <source>同じファイルを二か所で同時に変更すると、一方の変更が失われます。
そのため、ここでは変更できません。

読み取り専用で開くと、内容の確認・印刷・書き出しができます。
変更するには、相手の画面を閉じてから開き直してください。</source>
        <translation>Changing the same file in two places at once loses one side&apos;s changes.
So it cannot be changed here.

Opened read-only, it can be viewed, printed and exported.
To change it, ask the other person to close it, then open it again.</translation>
    </message>
    <message>
        <source>「{0}」は、ほかで編集中です。</source>
        <translation>&quot;{0}&quot; is being edited elsewhere.</translation>
    </message>
    <message>
        <source>編集中の人: {0}（{1}、プロセス {2}）</source>
        <translation>Being edited by: {0} ({1}, process {2})</translation>
    </message>
    <message>
        <source>開いた時刻: {0:%Y-%m-%d %H:%M}</source>
        <translation>Opened at: {0:%Y-%m-%d %H:%M}</translation>
    </message>
    <message>
        <source>使い方: {0}</source>
        <translation>Purpose: {0}</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>（月）</source>
        <translation> (Mon)</translation>
    </message>
    <message>
        <source>（火）</source>
        <translation> (Tue)</translation>
    </message>
    <message>
        <source>（水）</source>
        <translation> (Wed)</translation>
    </message>
    <message>
        <source>（木）</source>
        <translation> (Thu)</translation>
    </message>
    <message>
        <source>（金）</source>
        <translation> (Fri)</translation>
    </message>
    <message>
        <source>（土）</source>
        <translation> (Sat)</translation>
    </message>
    <message>
        <source>（日）</source>
        <translation> (Sun)</translation>
    </message>
    <message>
        <source>{0}元年{1}月{2}日</source>
        <translation>{0} 1/{1}/{2}</translation>
    </message>
    <message>
        <source>{0}{1}年{2}月{3}日</source>
        <translation>{0} {1}/{2}/{3}</translation>
    </message>
    <message>
        <source>令和</source>
        <translation>Reiwa</translation>
    </message>
    <message>
        <source>平成</source>
        <translation>Heisei</translation>
    </message>
    <message>
        <source>昭和</source>
        <translation>Showa</translation>
    </message>
    <message>
        <source>大正</source>
        <translation>Taisho</translation>
    </message>
    <message>
        <source>明治</source>
        <translation>Meiji</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ExportTemplatesDialog</name>
    <message>
        <source>要望様式を書き出す</source>
        <translation>Export request forms</translation>
    </message>
    <message>
        <source>団体ごとに要望票（Excel）を1つ書き出します。団体名の記入済みで、理由区分と住民サービス低下は選択式、機能一覧のシートと記入方法が付きます。</source>
        <translation>Exports one request form (Excel) per member, with the member&apos;s name filled in, drop-down lists for the reason and the resident-service question, a function list sheet and instructions.</translation>
    </message>
    <message>
        <source>書き出すフォルダ</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>書き出す</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>フォルダ</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>書き出すフォルダを選ぶ</source>
        <translation>Choose the destination folder</translation>
    </message>
    <message>
        <source>書き出す団体を選んでください。</source>
        <translation>Choose the members to export.</translation>
    </message>
    <message>
        <source>書き出すフォルダを指定してください。</source>
        <translation>Choose the folder to export to.</translation>
    </message>
    <message>
        <source>フォルダ {0} はまだありません。書き出すときに作成します。</source>
        <translation>Folder {0} does not exist yet. It is created when exporting.</translation>
    </message>
</context>
<context>
    <name>FileMenuExtras</name>
    <message>
        <source>最近使ったファイル</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <source>名前を付けてコピーを保存…</source>
        <translation>Save a copy as…</translation>
    </message>
    <message>
        <source>バックアップを作成</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>一覧を消去</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <source>ファイルが見つかりません</source>
        <translation>File not found</translation>
    </message>
    <message>
        <source>ファイルが見つからないため、一覧から外します。
{0}</source>
        <translation>The file is not there any more and is taken off the list.
{0}</translation>
    </message>
    <message>
        <source>共有データベース（サーバー）では使えません。バックアップはサーバーの管理者が行います。</source>
        <translation>Not available for a shared (server) database; the server&apos;s administrator backs it up.</translation>
    </message>
    <message>
        <source>名前を付けてコピーを保存</source>
        <translation>Save a copy as</translation>
    </message>
    <message>
        <source>コピー</source>
        <translation>copy</translation>
    </message>
    <message>
        <source>「{0}」はすでにあります。上書きしますか？</source>
        <translation>&quot;{0}&quot; already exists. Replace it?</translation>
    </message>
    <message>
        <source>コピーを保存しています…</source>
        <translation>Saving a copy…</translation>
    </message>
    <message>
        <source>コピーを保存しました: {0}</source>
        <translation>Copy saved: {0}</translation>
    </message>
    <message>
        <source>バックアップを作成しています…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>バックアップを作成できません</source>
        <translation>Cannot back up</translation>
    </message>
    <message>
        <source>バックアップを作成しました: {0}</source>
        <translation>Backup made: {0}</translation>
    </message>
    <message>
        <source>協議会データベース (*.sqlite)</source>
        <translation>Consortium database (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>はじめての設定</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <source>&lt; 戻る</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>次へ &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>デモの協議会を作成しています…</source>
        <translation>Creating the demo consortium…</translation>
    </message>
    <message>
        <source>協議会を作成できません</source>
        <translation>Cannot create the consortium</translation>
    </message>
    <message>
        <source>協議会を作成しています…</source>
        <translation>Creating the consortium…</translation>
    </message>
    <message>
        <source>構成団体を登録しています…</source>
        <translation>Registering the members…</translation>
    </message>
</context>
<context>
    <name>FunctionBrowserView</name>
    <message>
        <source>実装必須機能</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>標準オプション機能</source>
        <translation>Standard option</translation>
    </message>
    <message>
        <source>実装不可機能</source>
        <translation>Not implementable</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>判定</source>
        <translation>Judgement</translation>
    </message>
    <message>
        <source>現行運用・要望</source>
        <translation>Current practice / request</translation>
    </message>
    <message>
        <source>団体ごとの判定（Fit&amp;Gap）</source>
        <translation>Judgements by member (Fit&amp;Gap)</translation>
    </message>
    <message>
        <source>欠番（削除されたID）: 件数やギャップ率に数えず、新しい要望の対象にもなりません</source>
        <translation>Retired (deleted ID): not counted in totals or the gap rate, and cannot be the target of new requests</translation>
    </message>
    <message>
        <source>代替案</source>
        <translation>Alternative</translation>
    </message>
    <message>
        <source>機能を選ぶと、ここに機能要件の全文を表示します。</source>
        <translation>Select a function to see its full requirement text here.</translation>
    </message>
    <message>
        <source>専門部会・業務</source>
        <translation>Subcommittee / system</translation>
    </message>
    <message>
        <source>機能数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>ギャップ率</source>
        <translation>Gap rate</translation>
    </message>
    <message>
        <source>機能ID・機能名・機能要件・分類で検索</source>
        <translation>Search function ID, name, requirement, category</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>未評価</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>△または×</source>
        <translation>△ or ×</translation>
    </message>
    <message>
        <source>適合度</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>{0}: ○ {1} △ {2} × {3} 未評価 {4} ・ギャップ率 {5}</source>
        <translation>{0}: ○ {1}  △ {2}  × {3}  not assessed {4} · gap rate {5}</translation>
    </message>
    <message>
        <source>（ほかに帳票 {0} 件・欠番 {1} 件）</source>
        <translation>(also {0} forms and {1} retired)</translation>
    </message>
    <message>
        <source>実装区分</source>
        <translation>Implementation class</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>機能</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>帳票</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>欠番</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>全体</source>
        <translation>All</translation>
    </message>
    <message>
        <source>業務を追加…</source>
        <translation>Add business system…</translation>
    </message>
    <message>
        <source>業務名を変更…</source>
        <translation>Rename business system…</translation>
    </message>
    <message>
        <source>業務を削除…</source>
        <translation>Delete business system…</translation>
    </message>
    <message>
        <source>業務を削除</source>
        <translation>Delete business system</translation>
    </message>
    <message>
        <source>業務「{0}」を削除しますか。
機能や要望が登録されている業務は削除できません。</source>
        <translation>Delete business system &quot;{0}&quot;?
A business system with functions or requests cannot be deleted.</translation>
    </message>
    <message>
        <source>表示 {0} 件／全 {1} 件</source>
        <translation>Showing {0} of {1}</translation>
    </message>
    <message>
        <source>欠番 {0} 件は件数に含みません。</source>
        <translation>{0} retired not counted.</translation>
    </message>
    <message>
        <source>機能一覧はまだありません。「ファイル」＞「機能一覧を取り込む…」（Ctrl+I）で、パッケージの機能一覧（Excel・CSV）を取り込みます。</source>
        <translation>No function list yet. Import the package&apos;s function list (Excel, CSV) with File &gt; Import function list… (Ctrl+I).</translation>
    </message>
    <message>
        <source>{0}（代替機能・EUC で対応）</source>
        <translation>{0} (handled by an alternative function / EUC)</translation>
    </message>
    <message>
        <source>（機能要件の記載なし）</source>
        <translation>(no requirement text)</translation>
    </message>
    <message>
        <source>（帳票の説明の記載なし）</source>
        <translation>(no description of the form)</translation>
    </message>
    <message>
        <source>（未設定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>便利機能</source>
        <translation>Convenience</translation>
    </message>
    <message>
        <source>該当</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>該当しない</source>
        <translation>No</translation>
    </message>
    <message>
        <source>仕様書の版</source>
        <translation>Specification version</translation>
    </message>
    <message>
        <source>ベンダー見積</source>
        <translation>Vendor estimate</translation>
    </message>
    <message>
        <source>{0} 円</source>
        <translation>¥{0}</translation>
    </message>
</context>
<context>
    <name>FunctionPicker</name>
    <message>
        <source>機能ID・機能名・業務で検索（入力するたびに絞り込みます）</source>
        <translation>Search function ID, name, business system (filters as you type)</translation>
    </message>
    <message>
        <source>機能の検索</source>
        <translation>Function search</translation>
    </message>
    <message>
        <source>機能の一覧</source>
        <translation>Function list</translation>
    </message>
    <message>
        <source>機能が選ばれていません。一覧から選んでください。</source>
        <translation>No function selected. Choose one from the list.</translation>
    </message>
    <message>
        <source>&#x3000;適合度 {0}</source>
        <translation>  fit {0}</translation>
    </message>
    <message>
        <source>帳票 {0}</source>
        <translation>Form {0}</translation>
    </message>
    <message>
        <source>選択中: {0} {1}（{2}）{3}</source>
        <translation>Selected: {0} {1} ({2}) {3}</translation>
    </message>
    <message>
        <source>&#x3000;※欠番（削除されたID）</source>
        <translation>  (retired: deleted ID)</translation>
    </message>
    <message>
        <source>{0} 件</source>
        <translation>{0}</translation>
    </message>
</context>
<context>
    <name>FunctionTableModel</name>
    <message>
        <source>欠番</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>帳票</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>機能</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>欠番（削除された{0}ID）: 件数やギャップ率には数えず、新しい要望の対象にもなりません。</source>
        <translation>Retired (deleted {0} ID): not counted in totals or the gap rate, and cannot be the target of new requests.</translation>
    </message>
    <message>
        <source>未評価</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>{0}（代替機能・EUC で対応）</source>
        <translation>{0} (handled by an alternative function / EUC)</translation>
    </message>
    <message>
        <source>便利機能</source>
        <translation>Convenience</translation>
    </message>
    <message>
        <source>機能ID</source>
        <translation>Function ID</translation>
    </message>
    <message>
        <source>業務</source>
        <translation>Business system</translation>
    </message>
    <message>
        <source>大分類</source>
        <translation>Category 1</translation>
    </message>
    <message>
        <source>中分類</source>
        <translation>Category 2</translation>
    </message>
    <message>
        <source>機能名</source>
        <translation>Function name</translation>
    </message>
    <message>
        <source>実装区分</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>適合度</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>代替</source>
        <translation>alt.</translation>
    </message>
</context>
<context>
    <name>FunctionsPage</name>
    <message>
        <source>機能一覧</source>
        <translation>Functions</translation>
    </message>
    <message>
        <source>パッケージの機能一覧（標準仕様書の機能要件・適合度）を取り込めます。あとから「ファイル」＞「機能一覧を取り込む…」でも取り込めます。</source>
        <translation>You can import the package&apos;s function list (requirements and fit marks). It can also be imported later with File &gt; Import function list….</translation>
    </message>
    <message>
        <source>完了したら機能一覧を取り込む</source>
        <translation>Import a function list when finished</translation>
    </message>
    <message>
        <source>取り込む表計算ファイル（.xlsx / .xls / .csv）</source>
        <translation>Spreadsheet to import (.xlsx / .xls / .csv)</translation>
    </message>
    <message>
        <source>機能一覧のファイル</source>
        <translation>Function list file</translation>
    </message>
    <message>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>機能一覧のファイルを選ぶ</source>
        <translation>Choose the function list file</translation>
    </message>
    <message>
        <source>完了後に取り込み画面が開きます。列の対応を確かめてから取り込んでください。</source>
        <translation>The import dialog opens after Finish. Check the column mapping before importing.</translation>
    </message>
    <message>
        <source>機能一覧を選ぶ</source>
        <translation>Choose a function list</translation>
    </message>
    <message>
        <source>機能一覧 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;すべてのファイル (*)</source>
        <translation>Function list (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>使い方ガイド</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>使い方ガイドが見つかりません: {0}</source>
        <translation>The user guide is missing: {0}</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportFunctionsDialog</name>
    <message>
        <source>未設定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>（仕様書の版 {0} → {1}）</source>
        <translation> (spec edition {0} → {1})</translation>
    </message>
    <message>
        <source>{0}: 追加 {1} 件、変更 {2} 件、削除 {3} 件、変更なし {4} 件{5}</source>
        <translation>{0}: {1} added, {2} changed, {3} removed, {4} unchanged{5}</translation>
    </message>
    <message>
        <source>（うち欠番 {0} 件）</source>
        <translation> (of which {0} retired)</translation>
    </message>
    <message>
        <source>（帳票 {0} 件を含む）</source>
        <translation> (including {0} forms)</translation>
    </message>
    <message>
        <source>  削除できない機能 {0}: 要望 {1} が登録されています</source>
        <translation>  Function {0} cannot be removed: requests {1} point to it</translation>
    </message>
    <message>
        <source>機能一覧を取り込む</source>
        <translation>Import function list</translation>
    </message>
    <message>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <source>見出し行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>取り込み先の業務</source>
        <translation>Business system to import into</translation>
    </message>
    <message>
        <source>（選択してください）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>例: 第2.1版</source>
        <translation>e.g. version 2.1</translation>
    </message>
    <message>
        <source>標準仕様書の版</source>
        <translation>Standard specification version</translation>
    </message>
    <message>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>機能一覧を選ぶ</source>
        <translation>Choose a function list</translation>
    </message>
    <message>
        <source>費用は千円単位として円に換算します（指定による）。</source>
        <translation>Costs are read in thousands of yen and converted to yen (as you chose).</translation>
    </message>
    <message>
        <source>費用は円単位として読みます（指定による。見出しは千円）。</source>
        <translation>Costs are read in yen (as you chose; the header says thousands of yen).</translation>
    </message>
    <message>
        <source>費用は千円単位として円に換算します（見出しによる）。</source>
        <translation>Costs are read in thousands of yen and converted to yen (as the header says).</translation>
    </message>
    <message>
        <source>（CSV ファイル・{0}）</source>
        <translation>(CSV file, {0})</translation>
    </message>
    <message>
        <source>この一覧には業務の列がありません。取り込み先の業務を選んでください。</source>
        <translation>This list has no business-system column. Choose the business system to import into.</translation>
    </message>
    <message>
        <source>内容を確認しています…</source>
        <translation>Checking the contents…</translation>
    </message>
    <message>
        <source>取り込みの確認</source>
        <translation>Confirm import</translation>
    </message>
    <message>
        <source>登録済みの機能一覧を次のとおり置き換えます。適用しますか。

{0}</source>
        <translation>The registered function list will be replaced as follows. Apply?

{0}</translation>
    </message>
    <message>
        <source> ほか {0} 件</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <source>{0} 件（{1}{2}）</source>
        <translation>{0} ({1}{2})</translation>
    </message>
    <message>
        <source>削除した機能 {0}</source>
        <translation>removed {0}</translation>
    </message>
    <message>
        <source>欠番にした ID {0}</source>
        <translation>retired {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>取り込む表計算ファイル（.xlsx / .xls / .ods / .csv）</source>
        <translation>Spreadsheet to import (.xlsx / .xls / .ods / .csv)</translation>
    </message>
    <message>
        <source>読み直す</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>ファイルを直したあと、今のファイルの内容で読み直します（列の指定はそのまま）。</source>
        <translation>After correcting the file, reads its current contents again (column choices are kept).</translation>
    </message>
    <message>
        <source>帳票のシート</source>
        <translation>Forms sheet</translation>
    </message>
    <message>
        <source>見出しの最初の行</source>
        <translation>First header row</translation>
    </message>
    <message>
        <source>見出しの最後の行</source>
        <translation>Last header row</translation>
    </message>
    <message>
        <source>〜</source>
        <translation>to</translation>
    </message>
    <message>
        <source>行目</source>
        <translation>(rows)</translation>
    </message>
    <message>
        <source>費用の単位</source>
        <translation>Cost unit</translation>
    </message>
    <message>
        <source>円</source>
        <translation>yen</translation>
    </message>
    <message>
        <source>千円</source>
        <translation>thousand yen</translation>
    </message>
    <message>
        <source>空欄の適合度</source>
        <translation>Blank fit</translation>
    </message>
    <message>
        <source>未評価</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>×とみなす</source>
        <translation>Read as ×</translation>
    </message>
    <message>
        <source>機能のシート（クリックで切り替え）</source>
        <translation>Functions sheet (click to switch)</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>書かれている語</source>
        <translation>Word in the file</translation>
    </message>
    <message>
        <source>読み替え</source>
        <translation>Read as</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>表示するシート</source>
        <translation>Sheet shown</translation>
    </message>
    <message>
        <source>列の意味と先頭の行</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>取り込む行</source>
        <translation>Rows to import</translation>
    </message>
    <message>
        <source>確認事項</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>取り込み内容</source>
        <translation>Import plan</translation>
    </message>
    <message>
        <source>除外する行</source>
        <translation>Skipped rows</translation>
    </message>
    <message>
        <source>適合度の読み替え</source>
        <translation>Fit words</translation>
    </message>
    <message>
        <source>ファイルを読み込んでいます…（{0}）</source>
        <translation>Reading the file… ({0})</translation>
    </message>
    <message>
        <source>確認事項（{0}）</source>
        <translation>Questions ({0})</translation>
    </message>
    <message>
        <source>除外する行（{0}）</source>
        <translation>Skipped rows ({0})</translation>
    </message>
    <message>
        <source>機能「{0}」</source>
        <translation>Functions &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>帳票「{0}」</source>
        <translation>Forms &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>帳票のシートは、自動判定した列の意味のまま取り込みます（ここでは変えられません）。</source>
        <translation>The forms sheet is imported with the detected column meanings (they cannot be changed here).</translation>
    </message>
    <message>
        <source>見出しに「千円」とあるため、千円単位として円に換算します。</source>
        <translation>The header says 千円 (thousand yen): costs are converted to yen.</translation>
    </message>
    <message>
        <source>見出しに単位がないため、円単位として読みます。</source>
        <translation>The header names no unit: costs are read in yen.</translation>
    </message>
    <message>
        <source>{0}行目の注記により「{1}」とみなします。</source>
        <translation>Read as “{1}”, as the note in row {0} says.</translation>
    </message>
    <message>
        <source>シートに空欄の扱いの注記がないため、未評価として取り込みます。</source>
        <translation>The sheet has no note on blank answers: they are imported as not assessed.</translation>
    </message>
    <message>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <source>見出し行が見つかりません。シートを選ぶか、見出しの行番号を指定してください。</source>
        <translation>No header row found. Choose a sheet or enter the header row numbers.</translation>
    </message>
    <message>
        <source>データ: {0}〜{1}行目</source>
        <translation>Data: rows {0}–{1}</translation>
    </message>
    <message>
        <source>機能名の列がないため、機能要件の最初の一文から機能名を作ります。</source>
        <translation>There is no function-name column, so each name is taken from the first sentence of the requirement.</translation>
    </message>
    <message>
        <source>取り込まない</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>機能</source>
        <translation>Functions</translation>
    </message>
    <message>
        <source>帳票</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>表なし</source>
        <translation>No table</translation>
    </message>
    <message>
        <source>{0}（非表示）</source>
        <translation>{0} (hidden)</translation>
    </message>
    <message>
        <source>{0}&#x3000;［{1}］</source>
        <translation>{0}  [{1}]</translation>
    </message>
    <message>
        <source>帳票として取り込むシート</source>
        <translation>Sheet imported as forms</translation>
    </message>
    <message>
        <source>{0} {1}行目</source>
        <translation>{0} row {1}</translation>
    </message>
    <message>
        <source>{0}行目</source>
        <translation>Row {0}</translation>
    </message>
    <message>
        <source>未評価（対象外）</source>
        <translation>Not assessed (out of scope)</translation>
    </message>
    <message>
        <source>{0}（代替）</source>
        <translation>{0} (alternative)</translation>
    </message>
    <message>
        <source>読み取れません</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <source>（空欄）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <source>空欄の適合度は「{0}」とみなします（{1}行目の注記による）。</source>
        <translation>A blank fit is read as &quot;{0}&quot; (by the note in row {1}).</translation>
    </message>
    <message>
        <source>空欄の適合度は「{0}」とみなします（指定による）。</source>
        <translation>A blank fit is read as “{0}” (as you chose).</translation>
    </message>
    <message>
        <source>空欄の適合度は未評価として取り込みます（指定による。{0}行目の注記は「{1}」）。</source>
        <translation>A blank fit is imported as not assessed (as you chose; the note in row {0} says “{1}”).</translation>
    </message>
    <message>
        <source>空欄の適合度は未評価として取り込みます。</source>
        <translation>A blank fit is imported as not assessed.</translation>
    </message>
    <message>
        <source>空欄の適合度: {0} 件（左の「空欄の適合度」で扱いを変えられます）。</source>
        <translation>Blank fits: {0} (change how they are read with “Blank fit” on the left).</translation>
    </message>
    <message>
        <source>適合度の列はありません。</source>
        <translation>There is no fit column.</translation>
    </message>
    <message>
        <source>ファイルを選んでください。</source>
        <translation>Choose a file.</translation>
    </message>
    <message>
        <source>要望が登録されている機能 {0} 件を削除することになるため、取り込めません（「取り込み内容」の「削除できない機能」）。</source>
        <translation>Cannot import: it would remove {0} functions that requests point to (see &quot;Import plan&quot;).</translation>
    </message>
    <message>
        <source>取り込むと: 追加 {0} 件、変更 {1} 件、削除 {2} 件、欠番 {3} 件（業務 {4} 件）</source>
        <translation>Import result: {0} added, {1} changed, {2} removed, {3} retired (business systems: {4})</translation>
    </message>
    <message>
        <source>注意: ファイルの機能IDは登録済みの一覧とほとんど一致しません（「取り込み内容」）。</source>
        <translation>Note: the file&apos;s function IDs hardly match the registered list (see &quot;Import plan&quot;). </translation>
    </message>
    <message>
        <source>注意: 欠番になる機能 {0} 件に未決定の要望があります（「取り込み内容」）。</source>
        <translation>Note: {0} functions that become retired have undecided requests (see &quot;Import plan&quot;). </translation>
    </message>
    <message>
        <source>この一覧には業務の列がありません。左の「取り込み先の業務」を選んでください。</source>
        <translation>This list has no business-system column. Choose &quot;Business system to import into&quot; on the left.</translation>
    </message>
    <message>
        <source>確認事項が {0} 件あります。「確認事項」で答えてください。</source>
        <translation>Questions to answer: {0}. Answer them under &quot;Questions&quot;.</translation>
    </message>
    <message>
        <source>このままでは取り込めません（問題 {0} 種類）。「取り込み内容」を見てください。</source>
        <translation>Cannot import as it is ({0} kinds of problem). See &quot;Import plan&quot;.</translation>
    </message>
    <message>
        <source>取り込める行がありません。</source>
        <translation>There are no rows to import.</translation>
    </message>
    <message>
        <source>ファイルが変更されていたため、読み直しました。次のとおり取り込みます。よろしいですか。

{0}</source>
        <translation>The file had changed, so it was read again. It will be imported as follows. Continue?

{0}</translation>
    </message>
    <message>
        <source>機能一覧を取り込んでいます…</source>
        <translation>Importing the function list…</translation>
    </message>
    <message>
        <source>機能 {0} 件</source>
        <translation>{0} functions</translation>
    </message>
    <message>
        <source>帳票 {0} 件</source>
        <translation>{0} forms</translation>
    </message>
    <message>
        <source>欠番 {0} 件</source>
        <translation>{0} retired IDs</translation>
    </message>
    <message>
        <source>機能一覧を取り込みました（{0}）。
{1}</source>
        <translation>Function list imported ({0}).
{1}</translation>
    </message>
    <message>
        <source>機能一覧 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;すべてのファイル (*)</source>
        <translation>Function list (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>変更はありません。</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>欠番</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>団体の判定も取り込みます: {0}</source>
        <translation>Members&apos; judgements are imported too: {0}</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>  欠番（ファイルになくても残す）: {0}</source>
        <translation>  Retired (kept though not in the file): {0}</translation>
    </message>
    <message>
        <source>{0}（→ {1}）</source>
        <translation>{0} (→ {1})</translation>
    </message>
    <message>
        <source> ほか{0}件</source>
        <translation> and {0} more</translation>
    </message>
</context>
<context>
    <name>ImportIssuesDialog</name>
    <message>
        <source>取り込みを中止しました</source>
        <translation>Import stopped</translation>
    </message>
    <message>
        <source>ほか {0} 件の問題があります。</source>
        <translation>{0} more problems.</translation>
    </message>
    <message>
        <source>{0} 件の問題が見つかったため、取り込みを中止しました。データベースは変更していません。
表計算ファイルを直してから、もう一度取り込んでください。</source>
        <translation>The import was stopped because {0} problems were found. The database was not changed.
Correct the spreadsheet and import it again.</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>一覧をコピー</source>
        <translation>Copy list</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>（取り込まない）</source>
        <translation>(do not import)</translation>
    </message>
    <message>
        <source>判定</source>
        <translation>Judgement</translation>
    </message>
    <message>
        <source>現行運用・要望</source>
        <translation>Current practice / request</translation>
    </message>
    <message>
        <source>{0}の{1}</source>
        <translation>{1} ({0})</translation>
    </message>
    <message>
        <source>{0}列「{1}」</source>
        <translation>Column {0} &quot;{1}&quot;</translation>
    </message>
    <message>
        <source>{0}列</source>
        <translation>Column {0}</translation>
    </message>
</context>
<context>
    <name>ImportedRowsPanel</name>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>業務</source>
        <translation>Business system</translation>
    </message>
    <message>
        <source>分類</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>実装区分</source>
        <translation>Implementation class</translation>
    </message>
    <message>
        <source>適合度</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>費用</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>代替案・改定</source>
        <translation>Alternative / revision</translation>
    </message>
    <message>
        <source>取り込む行</source>
        <translation>Rows to import</translation>
    </message>
    <message>
        <source>このままでは取り込めないため、取り込む行を表示できません（問題は「取り込み内容」）。</source>
        <translation>The file cannot be imported as it is, so no rows can be shown (the problems are under “Import plan”).</translation>
    </message>
    <message>
        <source>機能 {0} 件</source>
        <translation>{0} functions</translation>
    </message>
    <message>
        <source>帳票 {0} 件</source>
        <translation>{0} forms</translation>
    </message>
    <message>
        <source>うち欠番 {0} 件</source>
        <translation>{0} of them retired</translation>
    </message>
    <message>
        <source>取り込まれるとおりの内容です（{0}。各先頭 {1} 行まで）。</source>
        <translation>The rows exactly as they will be imported ({0}; the first {1} of each kind).</translation>
    </message>
    <message>
        <source>未評価</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>{0}（代替）</source>
        <translation>{0} (alternative)</translation>
    </message>
    <message>
        <source>実装必須帳票</source>
        <translation>Mandatory form</translation>
    </message>
    <message>
        <source>標準オプション帳票</source>
        <translation>Standard optional form</translation>
    </message>
    <message>
        <source>帳票</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>機能</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>{0}（欠番）</source>
        <translation>{0} (retired)</translation>
    </message>
    <message>
        <source>機能要件: {0}</source>
        <translation>Requirement: {0}</translation>
    </message>
</context>
<context>
    <name>JoinChoiceDialog</name>
    <message>
        <source>同じ機能の要望があります</source>
        <translation>A request for the same function exists</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;{0}&lt;/b&gt; {1}（{2}・{3}）&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;{0}&lt;/b&gt; {1} ({2}, {3})&lt;/li&gt;</translation>
    </message>
    <message>
        <source>機能「{0}」には検討中の要望がすでにあります。&lt;ul&gt;{1}&lt;/ul&gt;同じ内容であれば、新しく登録せずに既存の要望に{2}として参加してください。比較一覧表で各団体の要望を並べて検討できます。</source>
        <translation>The function &quot;{0}&quot; already has open requests.&lt;ul&gt;{1}&lt;/ul&gt;If the request is the same, join an existing one as {2} instead of registering a new one. The comparison table then shows every member&apos;s request side by side.</translation>
    </message>
    <message>
        <source>既存の要望 {0} に参加する</source>
        <translation>Join existing request {0}</translation>
    </message>
    <message>
        <source>{0}はすでにこの要望に参加しています。</source>
        <translation>{0} has already joined this request.</translation>
    </message>
    <message>
        <source>別の要望として登録</source>
        <translation>Register as a separate request</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>JoinCustomizationDialog</name>
    <message>
        <source>カスタマイズに後から参加</source>
        <translation>Join a customization later</translation>
    </message>
    <message>
        <source>「{0}」がカスタマイズ実施済みの要望に加わり、費用を負担します。負担額は参加する団体を含めて按分し直します。</source>
        <translation>&quot;{0}&quot; joins a customized request and shares its cost. The shares are recomputed including the joining member.</translation>
    </message>
    <message>
        <source>何をどう変えてほしいか</source>
        <translation>What should change, and how</translation>
    </message>
    <message>
        <source>（選んでください）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>低下する場合はその内容、低下しない場合はその理由</source>
        <translation>If it drops, how; if not, why not</translation>
    </message>
    <message>
        <source>件／年</source>
        <translation>cases/year</translation>
    </message>
    <message>
        <source>文書番号（例: 財第12号）</source>
        <translation>Document number (e.g. 財第12号)</translation>
    </message>
    <message>
        <source>文書番号（例: 決裁第34号）</source>
        <translation>Document number (e.g. 決裁第34号)</translation>
    </message>
    <message>
        <source>要望</source>
        <translation>Request item</translation>
    </message>
    <message>
        <source>要望内容（必須）</source>
        <translation>Request (required)</translation>
    </message>
    <message>
        <source>理由区分（必須）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>住民サービス（必須）</source>
        <translation>Resident services (required)</translation>
    </message>
    <message>
        <source>低下の内容・理由（必須）</source>
        <translation>Effect or reason (required)</translation>
    </message>
    <message>
        <source>年間処理件数</source>
        <translation>Annual case count</translation>
    </message>
    <message>
        <source>財政課協議（必須）</source>
        <translation>Finance consultation (required)</translation>
    </message>
    <message>
        <source>首長決裁（必須）</source>
        <translation>Mayor&apos;s approval (required)</translation>
    </message>
    <message>
        <source>参加日</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>記録</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>要望内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>理由区分</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>住民サービス</source>
        <translation>Resident services</translation>
    </message>
    <message>
        <source>低下の内容・理由</source>
        <translation>Effect or reason</translation>
    </message>
    <message>
        <source>財政課協議の文書番号</source>
        <translation>Finance consultation document number</translation>
    </message>
    <message>
        <source>首長決裁の文書番号</source>
        <translation>Mayor&apos;s approval document number</translation>
    </message>
    <message>
        <source>未入力: {0}</source>
        <translation>Missing: {0}</translation>
    </message>
    <message>
        <source>住民サービス水準の維持</source>
        <translation>Keeping the resident service level</translation>
    </message>
    <message>
        <source>自治体独自施策</source>
        <translation>Municipality&apos;s own policy</translation>
    </message>
    <message>
        <source>事務効率・処理件数</source>
        <translation>Efficiency / case volume</translation>
    </message>
    <message>
        <source>法令・制度対応</source>
        <translation>Law or system change</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>低下する</source>
        <translation>Drops</translation>
    </message>
    <message>
        <source>低下しない</source>
        <translation>Does not drop</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>要望</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>検討中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>標準化</source>
        <translation>Standardized</translation>
    </message>
    <message>
        <source>取下げ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>カスタマイズ実施</source>
        <translation>Customized</translation>
    </message>
    <message>
        <source>住民サービス水準の維持</source>
        <translation>Keeping the resident service level</translation>
    </message>
    <message>
        <source>自治体独自施策</source>
        <translation>Municipality&apos;s own policy</translation>
    </message>
    <message>
        <source>事務効率・処理件数</source>
        <translation>Efficiency / case volume</translation>
    </message>
    <message>
        <source>法令・制度対応</source>
        <translation>Law or system change</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>低下する</source>
        <translation>Drops</translation>
    </message>
    <message>
        <source>低下しない</source>
        <translation>Does not drop</translation>
    </message>
    <message>
        <source>財政課協議</source>
        <translation>Finance consultation</translation>
    </message>
    <message>
        <source>首長決裁</source>
        <translation>Mayor&apos;s approval</translation>
    </message>
    <message>
        <source>協議会</source>
        <translation>Consortium</translation>
    </message>
    <message>
        <source>部会</source>
        <translation>Subcommittee</translation>
    </message>
    <message>
        <source>分科会</source>
        <translation>Working group</translation>
    </message>
    <message>
        <source>構成団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>ベンダー</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>事務局</source>
        <translation>Secretariat</translation>
    </message>
    <message>
        <source>決定</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>継続審議</source>
        <translation>Continued</translation>
    </message>
    <message>
        <source>報告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>カスタマイズ実施（財政課協議・首長決裁の後に確定）</source>
        <translation>Customized (final after finance and mayor&apos;s approval)</translation>
    </message>
    <message>
        <source>未協議</source>
        <translation>Not discussed</translation>
    </message>
    <message>
        <source>標準</source>
        <translation>standard</translation>
    </message>
    <message>
        <source>改修必要</source>
        <translation>needs modification</translation>
    </message>
    <message>
        <source>対応不可</source>
        <translation>not supported</translation>
    </message>
    <message>
        <source>実装必須機能</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>標準オプション機能</source>
        <translation>Standard option</translation>
    </message>
    <message>
        <source>実装不可機能</source>
        <translation>Not implementable</translation>
    </message>
    <message>
        <source>均等割</source>
        <translation>Equal share</translation>
    </message>
    <message>
        <source>人口割</source>
        <translation>Population share</translation>
    </message>
    <message>
        <source>均等割・人口割</source>
        <translation>Equal and population share</translation>
    </message>
    <message>
        <source>円単位</source>
        <translation>to the yen</translation>
    </message>
    <message>
        <source>千円未満切捨て</source>
        <translation>truncated to 1,000 yen</translation>
    </message>
    <message>
        <source>機能ID</source>
        <translation>Function ID</translation>
    </message>
    <message>
        <source>業務</source>
        <translation>Business system</translation>
    </message>
    <message>
        <source>大分類</source>
        <translation>Category 1</translation>
    </message>
    <message>
        <source>中分類</source>
        <translation>Category 2</translation>
    </message>
    <message>
        <source>小分類</source>
        <translation>Category 3</translation>
    </message>
    <message>
        <source>機能名</source>
        <translation>Function name</translation>
    </message>
    <message>
        <source>機能要件</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>実装区分</source>
        <translation>Implementation class</translation>
    </message>
    <message>
        <source>適合度</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>便利機能</source>
        <translation>Convenience</translation>
    </message>
    <message>
        <source>カスタマイズ費用</source>
        <translation>Customization cost</translation>
    </message>
    <message>
        <source>代替案</source>
        <translation>Alternative</translation>
    </message>
    <message>
        <source>改定区分</source>
        <translation>Revision type</translation>
    </message>
    <message>
        <source>改定内容</source>
        <translation>Revision details</translation>
    </message>
    <message>
        <source>要件の考え方・理由</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <source>No.（通番）</source>
        <translation>No. (serial)</translation>
    </message>
    <message>
        <source>団体の判定</source>
        <translation>Member&apos;s judgement</translation>
    </message>
    <message>
        <source>団体の現行運用・要望</source>
        <translation>Member&apos;s current practice / request</translation>
    </message>
    <message>
        <source>専門部会</source>
        <translation>Subcommittee</translation>
    </message>
    <message>
        <source>機能</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>要望項目</source>
        <translation>Request item</translation>
    </message>
    <message>
        <source>団体の要望</source>
        <translation>Member&apos;s request</translation>
    </message>
    <message>
        <source>ヒアリング記録</source>
        <translation>Hearing record</translation>
    </message>
    <message>
        <source>財政課協議・首長決裁</source>
        <translation>Finance consultation / mayor&apos;s approval</translation>
    </message>
    <message>
        <source>状態の変更</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>出席者</source>
        <translation>Attendee</translation>
    </message>
    <message>
        <source>議題</source>
        <translation>Agenda entry</translation>
    </message>
    <message>
        <source>要望番号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>要望名</source>
        <translation>Request title</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>見積額</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <source>新規機能名</source>
        <translation>New function name</translation>
    </message>
    <message>
        <source>要望内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>理由区分</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>住民サービス低下</source>
        <translation>Resident services drop</translation>
    </message>
    <message>
        <source>低下の内容</source>
        <translation>Effect on residents</translation>
    </message>
    <message>
        <source>年間処理件数</source>
        <translation>Annual case count</translation>
    </message>
    <message>
        <source>代替運用案</source>
        <translation>Workaround</translation>
    </message>
    <message>
        <source>取下げ日</source>
        <translation>Withdrawal date</translation>
    </message>
    <message>
        <source>取下げ理由</source>
        <translation>Withdrawal reason</translation>
    </message>
    <message>
        <source>実施日</source>
        <translation>Date held</translation>
    </message>
    <message>
        <source>確認内容</source>
        <translation>What was confirmed</translation>
    </message>
    <message>
        <source>確認件数</source>
        <translation>Confirmed cases</translation>
    </message>
    <message>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>文書番号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>変更前の状態</source>
        <translation>Status before</translation>
    </message>
    <message>
        <source>変更後の状態</source>
        <translation>Status after</translation>
    </message>
    <message>
        <source>変更者</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>加入日</source>
        <translation>Join date</translation>
    </message>
    <message>
        <source>仕様書の版</source>
        <translation>Specification version</translation>
    </message>
    <message>
        <source>機能一覧の取込元</source>
        <translation>Function list source</translation>
    </message>
    <message>
        <source>機能一覧の取込日時</source>
        <translation>Function list imported at</translation>
    </message>
    <message>
        <source>番号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>要件</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>会議の種類</source>
        <translation>Meeting kind</translation>
    </message>
    <message>
        <source>回</source>
        <translation>Session no.</translation>
    </message>
    <message>
        <source>開始時刻</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>終了時刻</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>場所</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>次回予定</source>
        <translation>Next meeting</translation>
    </message>
    <message>
        <source>次回の日付</source>
        <translation>Next meeting date</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>議題の順番</source>
        <translation>Agenda order</translation>
    </message>
    <message>
        <source>協議結果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>協議内容</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>決定した状態</source>
        <translation>Decided status</translation>
    </message>
    <message>
        <source>決定の理由</source>
        <translation>Reason for the decision</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Member name</translation>
    </message>
    <message>
        <source>会議名</source>
        <translation>Meeting name</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>added</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>一括追加</source>
        <translation>added in bulk</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>要望（未検討）</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>注記</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>凡例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>合計行</source>
        <translation>Total row</translation>
    </message>
    <message>
        <source>数式の行</source>
        <translation>Formula row</translation>
    </message>
    <message>
        <source>見出し・区切りの行</source>
        <translation>Heading or separator row</translation>
    </message>
    <message>
        <source>表の後の文</source>
        <translation>Text after the table</translation>
    </message>
    <message>
        <source>表の前の文</source>
        <translation>Text before the table</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Not yet known</translation>
    </message>
    <message>
        <source>見積額 {0}→{1}</source>
        <translation>estimate {0} → {1}</translation>
    </message>
    <message>
        <source>按分ルール「{0}」→「{1}」</source>
        <translation>sharing rule &quot;{0}&quot; → &quot;{1}&quot;</translation>
    </message>
    <message>
        <source>人口 {0}人→{1}人</source>
        <translation>population {0} → {1}</translation>
    </message>
    <message>
        <source>他の負担団体の人口又は負担団体の構成の変更</source>
        <translation>a change in the other members&apos; population or in who shares the cost</translation>
    </message>
    <message>
        <source>機能IDの列がないため、{0}列「{1}」を機能IDとして使います。</source>
        <translation>No function ID column: column {0} &quot;{1}&quot; is used as the ID.</translation>
    </message>
    <message>
        <source>機能IDの候補</source>
        <translation>Function ID candidates</translation>
    </message>
    <message>
        <source>「{0}」の列が複数</source>
        <translation>Columns for &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>{0}列「{1}」</source>
        <translation>column {0} &quot;{1}&quot;</translation>
    </message>
    <message>
        <source>{0}（非表示の列）</source>
        <translation>{0} (a hidden column)</translation>
    </message>
    <message>
        <source>{0}が{1}つあります: {2}。どちらを{3}とするか指定してください（取り込みの画面の「列の対応」で選択）。</source>
        <translation>{0}: {1} columns, {2}. Choose which one is the {3} (on the &quot;Columns&quot; tab).</translation>
    </message>
    <message>
        <source>{0}列「{1}」の値は適合度のようです（{2}）。</source>
        <translation>Column {0} &quot;{1}&quot; looks like fit marks ({2}).</translation>
    </message>
    <message>
        <source>{0}列の値は適合度のようです（{1}）。</source>
        <translation>Column {0} looks like fit marks ({1}).</translation>
    </message>
    <message>
        <source>{0}「列の対応」でこの列を「適合度」にするか、「取り込まない」を選んでください。</source>
        <translation>{0} On the &quot;Columns&quot; tab, set this column to &quot;Fit&quot; or choose &quot;Do not import&quot;.</translation>
    </message>
    <message>
        <source>注意: {0}: 要望 {1} の対象 {2} が欠番になります（新しい版で削除される機能です。要望の扱いを確かめてください）。</source>
        <translation>Note: {0}: {2}, the target of request {1}, becomes retired (deleted in the new edition; check how to handle the request).</translation>
    </message>
    <message>
        <source>注意: {0}: ファイルの機能ID（{1} …）は登録済みの一覧（{2} 件: {3} …）と{4}。取り込むと登録済みの {5} 件を削除し、別の一覧で置き換えます。機能IDの列（No. や項番を機能IDとして読んでいないか）を確かめてください。</source>
        <translation>Note: {0}: the file&apos;s function IDs ({1} …) {4} the registered list ({2}: {3} …). Importing removes the {5} registered functions and replaces them with another list. Check the function ID column (is a No. or row number read as the ID?).</translation>
    </message>
    <message>
        <source>1 件も一致しません</source>
        <translation>match none of</translation>
    </message>
    <message>
        <source>{0} 件しか一致しません</source>
        <translation>match only {0} of</translation>
    </message>
    <message>
        <source>{0}、{1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>{0}と{1}</source>
        <translation>{0} and {1}</translation>
    </message>
    <message>
        <source>要望 {0}</source>
        <translation>Request {0}</translation>
    </message>
    <message>
        <source>団体「{0}」</source>
        <translation>Member &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>団体の要望（id {0}）</source>
        <translation>Member&apos;s request (id {0})</translation>
    </message>
    <message>
        <source>業務「{0}」</source>
        <translation>Business system &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>機能 {0}</source>
        <translation>Function {0}</translation>
    </message>
    <message>
        <source>会議「{0}」</source>
        <translation>Meeting &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>議題（id {0}）</source>
        <translation>Agenda entry (id {0})</translation>
    </message>
    <message>
        <source>{0}（id {1}）</source>
        <translation>{0} (id {1})</translation>
    </message>
    <message>
        <source>第{0}回 {1}</source>
        <translation>No. {0} {1}</translation>
    </message>
    <message>
        <source>継続審議（{0}）</source>
        <translation>Continued ({0})</translation>
    </message>
    <message>
        <source>首長決裁 {0} → 現在 {1}{2}</source>
        <translation>Mayor&apos;s approval {0} → now {1}{2}</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>{0}円</source>
        <translation>¥{0}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}人</source>
        <comment>one person</comment>
        <translation>{0} person</translation>
    </message>
    <message>
        <source>{0}件</source>
        <translation>{0} cases</translation>
    </message>
    <message>
        <source>{0} 件</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>第{0}回</source>
        <translation>No. {0}</translation>
    </message>
    <message>
        <source>（id {0}）</source>
        <translation>(id {0})</translation>
    </message>
    <message>
        <source>（削除された機能 id {0}）</source>
        <translation>(deleted function, id {0})</translation>
    </message>
    <message>
        <source>{0}件</source>
        <comment>one case</comment>
        <translation>{0} case</translation>
    </message>
    <message>
        <source>{0} 件</source>
        <comment>one item</comment>
        <translation>{0} item</translation>
    </message>
    <message>
        <source>{0}人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>均等割 {0}％・人口割 {1}％</source>
        <translation>Equal {0}% / population {1}%</translation>
    </message>
    <message>
        <source>{0}円未満切捨て</source>
        <translation>truncated to {0} yen</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>LateJoinerDialog</name>
    <message>
        <source>後から参加した団体の既決事項の承認</source>
        <translation>Late joiner&apos;s acceptance of earlier decisions</translation>
    </message>
    <message>
        <source>「{0}」の参加日（{1}）までに決定した事項が {2} 件あります。「{0}」が承認した事項に印を付けて記録してください。</source>
        <translation>{2} decisions were taken before &quot;{0}&quot; joined ({1}). Tick the ones &quot;{0}&quot; accepted and record them.</translation>
    </message>
    <message>
        <source>例: 協議会総会で承認</source>
        <translation>e.g. accepted at the general meeting</translation>
    </message>
    <message>
        <source>承認日</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>既存のカスタマイズに加わって費用を負担する場合は、そのカスタマイズ実施の行を選んで「カスタマイズに参加…」を押してください。</source>
        <translation>To join an existing customization and share its cost, select its Customized row and press &quot;Join customization…&quot;.</translation>
    </message>
    <message>
        <source>カスタマイズに参加…</source>
        <translation>Join customization…</translation>
    </message>
    <message>
        <source>カスタマイズ実施の行を選ぶと参加できます。</source>
        <translation>Select a Customized row to join it.</translation>
    </message>
    <message>
        <source>承認を記録</source>
        <translation>Record acceptance</translation>
    </message>
    <message>
        <source>後で</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ギャップ率 {0}（△{1} ×{2}／評価済み{3}）</source>
        <translation>Gap rate {0} (△{1} ×{2} / {3} assessed)</translation>
    </message>
    <message>
        <source>画面の切り替え</source>
        <translation>Screens</translation>
    </message>
    <message>
        <source>今後の版で追加</source>
        <translation>Coming in a later version</translation>
    </message>
    <message>
        <source>カスタマイズ抑制
事務局ツール</source>
        <translation>Customization
control tool</translation>
    </message>
    <message>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新しい協議会…</source>
        <translation>New consortium…</translation>
    </message>
    <message>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>機能一覧を取り込む…</source>
        <translation>Import function list…</translation>
    </message>
    <message>
        <source>業務を追加…</source>
        <translation>Add business system…</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>要望(&amp;R)</source>
        <translation>&amp;Requests</translation>
    </message>
    <message>
        <source>新しい要望…</source>
        <translation>New request…</translation>
    </message>
    <message>
        <source>要望様式を書き出す…</source>
        <translation>Export request forms…</translation>
    </message>
    <message>
        <source>要望を取り込む…</source>
        <translation>Import requests…</translation>
    </message>
    <message>
        <source>ツール(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>設定…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>協議会の設定（会長・事務局の連絡先）…</source>
        <translation>Consortium settings (chair, secretariat contact)…</translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使い方ガイド</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>バージョン情報</source>
        <translation>About</translation>
    </message>
    <message>
        <source>機能 {0} 件</source>
        <translation>{0} functions</translation>
    </message>
    <message>
        <source>前のデータベースを閉じています…</source>
        <translation>Closing the previous database…</translation>
    </message>
    <message>
        <source>開きました: {0}</source>
        <translation>Opened: {0}</translation>
    </message>
    <message>
        <source>データベースを開けません</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>データベースファイルが見つかりません: {0}</source>
        <translation>Database file not found: {0}</translation>
    </message>
    <message>
        <source>協議会データベースを開く</source>
        <translation>Open consortium database</translation>
    </message>
    <message>
        <source>協議会を開けません</source>
        <translation>Cannot open the consortium</translation>
    </message>
    <message>
        <source>元に戻す: {0}</source>
        <translation>Undo: {0}</translation>
    </message>
    <message>
        <source>やり直し: {0}</source>
        <translation>Redo: {0}</translation>
    </message>
    <message>
        <source>元に戻しました: {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <source>やり直しました: {0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <source>設定を保存しました。</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>協議会の設定を保存しました。</source>
        <translation>Consortium settings saved.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;cloudsuppress {0}&lt;/h3&gt;&lt;p&gt;自治体クラウド協議会のカスタマイズ抑制を支える事務局向けツール&lt;/p&gt;&lt;p&gt;フォント: BIZ UDゴシック（SIL Open Font License 1.1）&lt;/p&gt;&lt;p&gt;Qt {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;cloudsuppress {0}&lt;/h3&gt;&lt;p&gt;A tool for the secretariat of a municipal cloud consortium, to keep the package free of customization&lt;/p&gt;&lt;p&gt;Font: BIZ UDGothic (SIL Open Font License 1.1)&lt;/p&gt;&lt;p&gt;Qt {1}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>ダッシュボード</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>機能一覧</source>
        <translation>Functions</translation>
    </message>
    <message>
        <source>要望</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>比較表</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>帳票</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>協議会データベース (*.sqlite *.sqlite3 *.db);;すべてのファイル (*)</source>
        <translation>Consortium database (*.sqlite *.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>表示言語を切り替えました。</source>
        <translation>Display language switched.</translation>
    </message>
</context>
<context>
    <name>MeasureRecordsDialog</name>
    <message>
        <source>4つの方策の記録</source>
        <translation>Records of the four measures</translation>
    </message>
    <message>
        <source>構成団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date held</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>修正…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>削除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>選考会</source>
        <translation>Selection meeting</translation>
    </message>
    <message>
        <source>参加者</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>選考会を登録…</source>
        <translation>Register a selection meeting…</translation>
    </message>
    <message>
        <source>庁内説明会</source>
        <translation>Internal briefing</translation>
    </message>
    <message>
        <source>ベンダー選考会</source>
        <translation>Vendor selection</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0} 人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>（参加なし）</source>
        <translation>(none attended)</translation>
    </message>
    <message>
        <source>庁内説明会の記録を削除</source>
        <translation>Delete internal briefing record</translation>
    </message>
    <message>
        <source>{0}の庁内説明会（{1}、{2} 人）の記録を削除しますか？（元に戻すで取り消せます）</source>
        <translation>Delete the internal briefing of {0} ({1}, {2} people)? (Undo brings it back.)</translation>
    </message>
    <message>
        <source>選考会「{0}」の記録</source>
        <translation>Record of selection meeting &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>参加の記録（{0}）</source>
        <translation>Attendance ({0})</translation>
    </message>
    <message>
        <source>選考会の記録を削除</source>
        <translation>Delete selection meeting record</translation>
    </message>
    <message>
        <source>{0}を削除しますか？（元に戻すで取り消せます）</source>
        <translation>Delete {0}? (Undo brings it back.)</translation>
    </message>
</context>
<context>
    <name>MeasuresPanel</name>
    <message>
        <source>庁内説明会を記録…</source>
        <translation>Record internal briefing…</translation>
    </message>
    <message>
        <source>選考会への参加を記録…</source>
        <translation>Record vendor selection attendance…</translation>
    </message>
    <message>
        <source>記録の一覧・修正…</source>
        <translation>Records: view and edit…</translation>
    </message>
    <message>
        <source>構成団体ごとの4つの方策</source>
        <translation>The four measures by member</translation>
    </message>
    <message>
        <source>団体別の要望の結果</source>
        <translation>Request outcomes by member</translation>
    </message>
    <message>
        <source>専門部会別の要望の結果</source>
        <translation>Request outcomes by subcommittee</translation>
    </message>
    <message>
        <source>① 庁内説明会と、要望のうち「住民サービス水準が低下するか」に理由を添えて答えた割合&#x3000;② RFI説明会・二次選考への職員の参加&#x3000;③ 負担する要望の財政課協議・首長決裁の未了と負担額&#x3000;④ 自団体の要望を扱った部会・分科会への出席と事務局の出席（赤: 要対応）</source>
        <translation>① Internal briefings, and the share of requests answering the resident-service question with a reason  ② Staff at the RFI presentations and second selection  ③ Pending finance consultations and mayor&apos;s approvals, and the member&apos;s share  ④ Attendance at the meetings on the member&apos;s requests, and the secretariat&apos;s (red: needs action)</translation>
    </message>
    <message>
        <source>ベンダー選考会への参加</source>
        <translation>Vendor selection attendance</translation>
    </message>
    <message>
        <source>選考会の記録はまだありません。</source>
        <translation>No selection meetings recorded yet.</translation>
    </message>
    <message>
        <source>参加なし</source>
        <translation>Did not attend</translation>
    </message>
    <message>
        <source>{0}（{1}）: {2}</source>
        <translation>{0} ({1}): {2}</translation>
    </message>
</context>
<context>
    <name>MeasuresTableModel</name>
    <message>
        <source>{0}/{1}（{2}%）</source>
        <translation>{0}/{1} ({2}%)</translation>
    </message>
    <message>
        <source>未開催</source>
        <translation>Not held</translation>
    </message>
    <message>
        <source>{0}・{1}人</source>
        <translation>{0}, {1} people</translation>
    </message>
    <message>
        <source>（ほか{0}回）</source>
        <translation>(+{0} more)</translation>
    </message>
    <message>
        <source>{0}/{1} 回（{2} 人）</source>
        <translation>{0}/{1} ({2} staff)</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <source>財政課 {0}・首長 {1}</source>
        <translation>Finance {0}, mayor {1}</translation>
    </message>
    <message>
        <source>未了の要望: {0}</source>
        <translation>Pending: {0}</translation>
    </message>
    <message>
        <source>検討中の要望の見込み負担額 {0}</source>
        <translation>Expected share of requests under review: {0}</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>欠席: {0}</source>
        <translation>Absent: {0}</translation>
    </message>
    <message>
        <source>構成団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>① 庁内説明会</source>
        <translation>① Internal briefing</translation>
    </message>
    <message>
        <source>① 住民サービス設問の回答</source>
        <translation>① Service answers</translation>
    </message>
    <message>
        <source>② 選考会への参加</source>
        <translation>② Vendor selection</translation>
    </message>
    <message>
        <source>③ 未了の協議・決裁</source>
        <translation>③ Pending approvals</translation>
    </message>
    <message>
        <source>③ 負担額（実施分）</source>
        <translation>③ Cost borne</translation>
    </message>
    <message>
        <source>④ 部会への出席</source>
        <translation>④ Meeting attendance</translation>
    </message>
    <message>
        <source>④ 事務局の出席</source>
        <translation>④ Secretariat</translation>
    </message>
</context>
<context>
    <name>MeetingDetailPane</name>
    <message>
        <source>議事録 PDF…</source>
        <translation>Minutes PDF…</translation>
    </message>
    <message>
        <source>議事録 Word…</source>
        <translation>Minutes Word…</translation>
    </message>
    <message>
        <source>日時・場所を変更…</source>
        <translation>Change date and place…</translation>
    </message>
    <message>
        <source>プレゼンテーション (F5)</source>
        <translation>Presentation (F5)</translation>
    </message>
    <message>
        <source>議題を 1 件ずつ大きな文字で全画面に表示します（プロジェクター・2 画面目）</source>
        <translation>Shows the agenda items one by one, full screen in large type (projector, second screen)</translation>
    </message>
    <message>
        <source>出席者</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>議題</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>協議結果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>会議メモ・次回予定</source>
        <translation>Notes and next meeting</translation>
    </message>
    <message>
        <source>出席者を追加…</source>
        <translation>Add attendee…</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>議題を作成</source>
        <translation>Build agenda</translation>
    </message>
    <message>
        <source>この会議の専門部会（分科会は業務）の未決定の要望をすべて議題に加えます</source>
        <translation>Adds every undecided request of this meeting&apos;s subcommittee (business system for a working group) to the agenda</translation>
    </message>
    <message>
        <source>要望を追加…</source>
        <translation>Add request…</translation>
    </message>
    <message>
        <source>議題から外す</source>
        <translation>Remove from agenda</translation>
    </message>
    <message>
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下へ</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>会議全体の協議内容・報告事項（議事録の「協議内容」の冒頭に載ります）</source>
        <translation>Discussion and reports for the whole meeting (opens the minutes&apos; discussion section)</translation>
    </message>
    <message>
        <source>例: 第5回 税業務部会（令和9年1月予定）</source>
        <translation>e.g. 5th tax subcommittee (January 2027)</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>会議メモ</source>
        <translation>Meeting notes</translation>
    </message>
    <message>
        <source>次回予定</source>
        <translation>Next meeting</translation>
    </message>
    <message>
        <source>会議を選んでください</source>
        <translation>Choose a meeting</translation>
    </message>
    <message>
        <source>一覧で会議を選ぶか、「新しい会議…」で登録します。</source>
        <translation>Choose a meeting in the list, or register one with &quot;New meeting…&quot;.</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>議題 {0} 件・決定 {1} 件</source>
        <translation>{0} agenda items · {1} decided</translation>
    </message>
    <message>
        <source>&#x3000;／&#x3000;</source>
        <translation>  /  </translation>
    </message>
    <message>
        <source>事務局の出席者が記録されていません。事務局はすべての会議に出席します。</source>
        <translation>No secretariat attendee is recorded. The secretariat attends every meeting.</translation>
    </message>
    <message>
        <source>{0}の要望（{1}）が議題にありますが、{0}の出席者が記録されていません。</source>
        <translation>{0}&apos;s requests ({1}) are on the agenda, but no attendee from {0} is recorded.</translation>
    </message>
    <message>
        <source>「{0}」</source>
        <translation>&quot;{0}&quot;</translation>
    </message>
    <message>
        <source>議題に {0} 件を追加しました。</source>
        <translation>Added {0} items to the agenda.</translation>
    </message>
    <message>
        <source>議題に加える未決定の要望はありません。</source>
        <translation>There are no undecided requests to add to the agenda.</translation>
    </message>
    <message>
        <source>議題に追加できる要望はありません。</source>
        <translation>There are no requests that can be added to the agenda.</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}（{2}）</source>
        <translation>{0}  {1} ({2})</translation>
    </message>
    <message>
        <source>議題に要望を追加</source>
        <translation>Add requests to the agenda</translation>
    </message>
    <message>
        <source>要望</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>会議メモと次回予定を保存しました。</source>
        <translation>Meeting notes and next meeting saved.</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word 文書 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>議事録を書き出す</source>
        <translation>Export minutes</translation>
    </message>
    <message>
        <source>議事録</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>議事録を書き出しています…</source>
        <translation>Exporting the minutes…</translation>
    </message>
    <message>
        <source>議事録を書き出しました: {0}</source>
        <translation>Minutes exported: {0}</translation>
    </message>
</context>
<context>
    <name>MeetingScheduleDialog</name>
    <message>
        <source>日時・場所を変更（{0}）</source>
        <translation>Change date and place ({0})</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>場所</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>会議の種類を選んでください（協議会、部会、分科会）。</source>
        <translation>Choose the meeting kind (consortium, subcommittee, working group).</translation>
    </message>
    <message>
        <source>会議名を入力してください。</source>
        <translation>Enter the meeting name.</translation>
    </message>
    <message>
        <source>開催日を入力してください。</source>
        <translation>Enter the meeting date.</translation>
    </message>
    <message>
        <source>部会の会議には専門部会を選んでください。</source>
        <translation>Choose a subcommittee for a subcommittee meeting.</translation>
    </message>
    <message>
        <source>分科会の会議には専門部会または業務を選んでください。</source>
        <translation>Choose a subcommittee or a business system for a working-group meeting.</translation>
    </message>
    <message>
        <source>開始時刻は 14:00 のように入力してください。</source>
        <translation>Enter the start time like 14:00.</translation>
    </message>
    <message>
        <source>終了時刻は 14:00 のように入力してください。</source>
        <translation>Enter the end time like 14:00.</translation>
    </message>
    <message>
        <source>終了時刻だけでなく開始時刻も入力してください。</source>
        <translation>Enter a start time as well as the end time.</translation>
    </message>
    <message>
        <source>終了時刻は開始時刻より後にしてください。</source>
        <translation>The end time must be after the start time.</translation>
    </message>
    <message>
        <source>回数（第N回）は 1 以上で入力してください。</source>
        <translation>Enter a session number of 1 or more.</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>第{0}回</source>
        <translation>No. {0}</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>部会</source>
        <translation>Subcommittee</translation>
    </message>
    <message>
        <source>回</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>会議名</source>
        <translation>Meeting name</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>場所</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>議題</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>決定</source>
        <translation>Decided</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <source>会議</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>部会ごとに要望を並べて協議し、結果を記録します（富山県方式の方策4）。事務局はすべての会議に出席します。</source>
        <translation>Each subcommittee discusses the requests side by side and the outcome is recorded (Toyama measure 4). The secretariat attends every meeting.</translation>
    </message>
    <message>
        <source>新しい会議…</source>
        <translation>New meeting…</translation>
    </message>
    <message>
        <source>専門部会</source>
        <translation>Subcommittee</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>会議を登録しました。「議題を作成」で未決定の要望を議題にできます。</source>
        <translation>Meeting registered. &quot;Build agenda&quot; puts the undecided requests on its agenda.</translation>
    </message>
</context>
<context>
    <name>MemberPartForm</name>
    <message>
        <source>何をどう変えてほしいか（例: 証明書の交付時に受付番号を帳票に印字してほしい）</source>
        <translation>What should change, and how (e.g. print the reception number on the certificate)</translation>
    </message>
    <message>
        <source>（選んでください）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>低下する場合はその内容、低下しない場合はその理由</source>
        <translation>If it drops, how; if not, why not</translation>
    </message>
    <message>
        <source>件／年</source>
        <translation>cases/year</translation>
    </message>
    <message>
        <source>カスタマイズしない場合の運用（例: 番号札を併用して照合する）</source>
        <translation>How the work is done without the customization (e.g. match with numbered tickets)</translation>
    </message>
    <message>
        <source>このカスタマイズがないと、住民サービスの水準が低下しますか。</source>
        <translation>Without this customization, would the level of service to residents drop?</translation>
    </message>
    <message>
        <source>要望内容（必須）</source>
        <translation>Request (required)</translation>
    </message>
    <message>
        <source>理由区分（必須）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>住民サービス（必須）</source>
        <translation>Resident services (required)</translation>
    </message>
    <message>
        <source>低下の内容・理由（必須）</source>
        <translation>Effect or reason (required)</translation>
    </message>
    <message>
        <source>年間処理件数</source>
        <translation>Annual case count</translation>
    </message>
    <message>
        <source>要望内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>理由区分</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>住民サービスが低下する</source>
        <translation>Resident services drop</translation>
    </message>
    <message>
        <source>住民サービスが低下しない</source>
        <translation>Resident services do not drop</translation>
    </message>
    <message>
        <source>低下の内容・理由</source>
        <translation>How services drop, and why</translation>
    </message>
    <message>
        <source>代替運用案</source>
        <translation>Workaround</translation>
    </message>
    <message>
        <source>ヒアリング記録</source>
        <translation>Hearings</translation>
    </message>
    <message>
        <source>実施日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>確認した内容</source>
        <translation>What was confirmed</translation>
    </message>
    <message>
        <source>確認件数</source>
        <translation>Confirmed cases</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>ヒアリングの実施日</source>
        <translation>Hearing date</translation>
    </message>
    <message>
        <source>ヒアリング記録を追加</source>
        <translation>Add hearing record</translation>
    </message>
    <message>
        <source>選択した記録を削除</source>
        <translation>Delete selected record</translation>
    </message>
    <message>
        <source>財政課協議・首長決裁（カスタマイズ実施に必要）</source>
        <translation>Finance consultation and mayor&apos;s approval (required to customize)</translation>
    </message>
    <message>
        <source>文書番号（例: 財第301号）</source>
        <translation>Document number (e.g. 財第301号)</translation>
    </message>
    <message>
        <source>記録</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>誤って記録した{0}を削除します</source>
        <translation>Delete a {0} recorded by mistake</translation>
    </message>
    <message>
        <source>{0}の日付</source>
        <translation>{0} date</translation>
    </message>
    <message>
        <source>{0}の文書番号</source>
        <translation>{0} document number</translation>
    </message>
    <message>
        <source>{0}を記録</source>
        <translation>Record {0}</translation>
    </message>
    <message>
        <source>{0}を削除</source>
        <translation>Delete {0}</translation>
    </message>
    <message>
        <source>この団体の要望を取り下げる…</source>
        <translation>Withdraw this member&apos;s request…</translation>
    </message>
    <message>
        <source>この団体の要望を取り下げる</source>
        <translation>Withdraw this member&apos;s request</translation>
    </message>
    <message>
        <source>団体の要望を取り下げる</source>
        <translation>Withdraw the member&apos;s request</translation>
    </message>
    <message>
        <source>{0}の要望を取り下げます。ほかの団体が残っていれば要望項目は続き、残る団体がなければ要望項目が「取下げ」になります。</source>
        <translation>{0}&apos;s request will be withdrawn. The request item continues while other members remain; with none left it becomes &quot;withdrawn&quot;.</translation>
    </message>
    <message>
        <source>{0}は要望を取り下げたため、内容は編集できません。</source>
        <translation>{0} withdrew its request, so its content cannot be edited.</translation>
    </message>
    <message>
        <source>要望内容を入力してください。</source>
        <translation>Enter the request.</translation>
    </message>
    <message>
        <source>理由区分を選んでください。</source>
        <translation>Choose a reason.</translation>
    </message>
    <message>
        <source>未記録</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <source>（文書番号なし）</source>
        <translation>(no document number)</translation>
    </message>
    <message>
        <source>要再決裁: {0}</source>
        <translation>Re-approval needed: {0}</translation>
    </message>
    <message>
        <source>{0}は要望を取り下げました（{1}）。理由: {2}</source>
        <translation>{0} withdrew its request ({1}). Reason: {2}</translation>
    </message>
    <message>
        <source>住民サービス水準の維持</source>
        <translation>Keeping the resident service level</translation>
    </message>
    <message>
        <source>自治体独自施策</source>
        <translation>Municipality&apos;s own policy</translation>
    </message>
    <message>
        <source>事務効率・処理件数</source>
        <translation>Efficiency / case volume</translation>
    </message>
    <message>
        <source>法令・制度対応</source>
        <translation>Law or system change</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>低下する</source>
        <translation>Drops</translation>
    </message>
    <message>
        <source>低下しない</source>
        <translation>Does not drop</translation>
    </message>
    <message>
        <source>財政課協議</source>
        <translation>Finance consultation</translation>
    </message>
    <message>
        <source>首長決裁</source>
        <translation>Mayor&apos;s approval</translation>
    </message>
    <message>
        <source>住民サービス水準が低下するか（低下する／低下しない）を選んでください。</source>
        <translation>Choose whether the level of resident services drops (drops / does not drop).</translation>
    </message>
    <message>
        <source>住民サービス水準への影響（低下の内容、または低下しない理由）を入力してください。</source>
        <translation>Enter the effect on resident services (how they drop, or why they do not).</translation>
    </message>
    <message>
        <source>年間処理件数は 0 以上の整数で入力してください。</source>
        <translation>Enter the annual case count as a whole number, 0 or more.</translation>
    </message>
    <message>
        <source>年間処理件数は 999,999,999 件以下で入力してください。</source>
        <translation>Enter an annual case count of 999,999,999 or less.</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>{0} 人／計 {1} 人</source>
        <translation>{0} / total {1}</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Member name</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>参加日</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>人口比</source>
        <translation>Population share</translation>
    </message>
</context>
<context>
    <name>MemberView</name>
    <message>
        <source>団体一覧 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;すべてのファイル (*)</source>
        <translation>Member list (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>構成団体</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>人口比は協議会全体の人口に対する割合です（人口割の負担計算の基礎）。</source>
        <translation>Population share is the share of the consortium&apos;s total population (the basis of population-based cost sharing).</translation>
    </message>
    <message>
        <source>団体名で検索</source>
        <translation>Search member name</translation>
    </message>
    <message>
        <source>団体を追加…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <source>編集…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>団体名・人口・参加日を訂正します（ダブルクリックでも開きます）</source>
        <translation>Correct the name, population or join date (double-click also opens it)</translation>
    </message>
    <message>
        <source>削除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>誤って登録した団体を削除します（要望や記録のある団体は削除できません）</source>
        <translation>Remove a member registered by mistake (a member with requests or records cannot be removed)</translation>
    </message>
    <message>
        <source>団体一覧を取り込む…</source>
        <translation>Import member list…</translation>
    </message>
    <message>
        <source>△・× の判定から要望票を作る…</source>
        <translation>Request form from △/× judgements…</translation>
    </message>
    <message>
        <source>Fit&amp;Gap シートで選んだ団体が△・×とした機能を、要望の行として記入した要望票（.xlsx）を書き出します</source>
        <translation>Exports a request form (.xlsx) with a request row for each function the member marked △ or × on the Fit&amp;Gap sheet</translation>
    </message>
    <message>
        <source>計 {0} 団体&#x3000;人口 {1} 人</source>
        <translation>{0} members  population {1}</translation>
    </message>
    <message>
        <source>（表示 {0} 団体）</source>
        <translation>(showing {0})</translation>
    </message>
    <message>
        <source>団体「{0}」を追加しました。</source>
        <translation>Member &quot;{0}&quot; added.</translation>
    </message>
    <message>
        <source>団体「{0}」を保存しました。</source>
        <translation>Member &quot;{0}&quot; saved.</translation>
    </message>
    <message>
        <source>団体の削除</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <source>団体「{0}」を削除しますか？
誤って登録した団体を消すためのものです。取り消すには 元に戻す（Ctrl+Z）を使います。</source>
        <translation>Remove member &quot;{0}&quot;?
This is for a member registered by mistake. Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <source>団体「{0}」を削除しました。</source>
        <translation>Member &quot;{0}&quot; removed.</translation>
    </message>
    <message>
        <source>「{0}」が既決事項 {1} 件を承認したことを記録しました。</source>
        <translation>Recorded that &quot;{0}&quot; accepted {1} earlier decisions.</translation>
    </message>
    <message>
        <source>団体一覧を選ぶ</source>
        <translation>Choose a member list</translation>
    </message>
    <message>
        <source>団体一覧を読み込んでいます…</source>
        <translation>Reading the member list…</translation>
    </message>
    <message>
        <source>団体一覧を取り込んでいます…</source>
        <translation>Importing the member list…</translation>
    </message>
    <message>
        <source>団体一覧を取り込みました（{0}）: 追加 {1} 団体、更新 {2} 団体。</source>
        <translation>Member list imported ({0}): {1} added, {2} updated.</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>構成団体</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>構成団体と人口を入力するか、団体一覧（Excel・CSV）から取り込みます。人口は人口割の費用負担に使います。あとからでも登録できます。</source>
        <translation>Type the members and their populations, or import a member list (Excel, CSV). Populations are used for population-based cost sharing. Members can also be added later.</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Member name</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>構成団体の一覧</source>
        <translation>Member list</translation>
    </message>
    <message>
        <source>行を追加</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>選択した行を削除</source>
        <translation>Delete selected rows</translation>
    </message>
    <message>
        <source>団体一覧を取り込む…</source>
        <translation>Import member list…</translation>
    </message>
    <message>
        <source>団体一覧を選ぶ</source>
        <translation>Choose a member list</translation>
    </message>
    <message>
        <source>団体一覧を取り込めません</source>
        <translation>Cannot import the member list</translation>
    </message>
    <message>
        <source>{0}行目: 団体名を入力してください。</source>
        <translation>Row {0}: enter the member&apos;s name.</translation>
    </message>
    <message>
        <source>{0}行目: 「{1}」の人口を数字で入力してください。</source>
        <translation>Row {0}: enter the population of &quot;{1}&quot; as a number.</translation>
    </message>
    <message>
        <source>{0}行目: 「{1}」が重複しています。</source>
        <translation>Row {0}: &quot;{1}&quot; appears twice.</translation>
    </message>
    <message>
        <source>団体一覧 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;すべてのファイル (*)</source>
        <translation>Member list (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>NewConsortiumDialog</name>
    <message>
        <source>新しい協議会</source>
        <translation>New consortium</translation>
    </message>
    <message>
        <source>例: ○○自治体クラウド基幹業務運営協議会</source>
        <translation>e.g. XX Municipal Cloud Core Systems Council</translation>
    </message>
    <message>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>専門部会と業務はプリセットから作られます。あとから追加・変更できます。</source>
        <translation>Subcommittees and business systems come from the preset; you can add and change them later.</translation>
    </message>
    <message>
        <source>協議会の名称（必須）</source>
        <translation>Consortium name (required)</translation>
    </message>
    <message>
        <source>専門部会・業務</source>
        <translation>Subcommittees and business systems</translation>
    </message>
    <message>
        <source>保存先</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>協議会データベースの保存先</source>
        <translation>Where to save the consortium database</translation>
    </message>
    <message>
        <source>協議会の名称を入力してください。</source>
        <translation>Enter the consortium&apos;s name.</translation>
    </message>
    <message>
        <source>保存先のファイルを指定してください。</source>
        <translation>Choose the file to save to.</translation>
    </message>
    <message>
        <source>協議会を作成しています…</source>
        <translation>Creating the consortium…</translation>
    </message>
    <message>
        <source>協議会を作成できません</source>
        <translation>Cannot create the consortium</translation>
    </message>
    <message>
        <source>ファイルを作成できません: {0}
{1}</source>
        <translation>Cannot create the file: {0}
{1}</translation>
    </message>
    <message>
        <source>茨城県方式（4専門部会・33業務）</source>
        <translation>Ibaraki model (4 subcommittees, 33 business systems)</translation>
    </message>
    <message>
        <source>空（部会・業務を自分で登録）</source>
        <translation>Empty (register subcommittees and systems yourself)</translation>
    </message>
    <message>
        <source>協議会データベース (*.sqlite)</source>
        <translation>Consortium database (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>NewMeetingDialog</name>
    <message>
        <source>新しい会議</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>（指定しない）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>自動（次の回）</source>
        <translation>Automatic (next)</translation>
    </message>
    <message>
        <source>第</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>回</source>
        <translation> </translation>
    </message>
    <message>
        <source>例: 本庁舎3階 第1会議室</source>
        <translation>e.g. City hall 3F, meeting room 1</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>専門部会</source>
        <translation>Subcommittee</translation>
    </message>
    <message>
        <source>業務（分科会）</source>
        <translation>Business system (WG)</translation>
    </message>
    <message>
        <source>回数</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>会議名</source>
        <translation>Meeting name</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>場所</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>登録</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>協議会</source>
        <translation>Consortium</translation>
    </message>
    <message>
        <source>分科会</source>
        <translation>Working group</translation>
    </message>
    <message>
        <source>会議の種類を選んでください（協議会、部会、分科会）。</source>
        <translation>Choose the meeting kind (consortium, subcommittee, working group).</translation>
    </message>
    <message>
        <source>開催日を入力してください。</source>
        <translation>Enter the meeting date.</translation>
    </message>
    <message>
        <source>部会の会議には専門部会を選んでください。</source>
        <translation>Choose a subcommittee for a subcommittee meeting.</translation>
    </message>
    <message>
        <source>分科会の会議には専門部会または業務を選んでください。</source>
        <translation>Choose a subcommittee or a business system for a working-group meeting.</translation>
    </message>
    <message>
        <source>開始時刻は 14:00 のように入力してください。</source>
        <translation>Enter the start time like 14:00.</translation>
    </message>
    <message>
        <source>終了時刻は 14:00 のように入力してください。</source>
        <translation>Enter the end time like 14:00.</translation>
    </message>
    <message>
        <source>回数（第N回）は 1 以上で入力してください。</source>
        <translation>Enter a session number of 1 or more.</translation>
    </message>
    <message>
        <source>部会</source>
        <translation>Subcommittee</translation>
    </message>
    <message>
        <source>会議名を入力してください。</source>
        <translation>Enter the meeting name.</translation>
    </message>
    <message>
        <source>終了時刻だけでなく開始時刻も入力してください。</source>
        <translation>Enter a start time as well as the end time.</translation>
    </message>
    <message>
        <source>終了時刻は開始時刻より後にしてください。</source>
        <translation>The end time must be after the start time.</translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <source>別の処理を実行中です。終わってからもう一度操作してください。</source>
        <translation>Another task is running. Try again when it has finished.</translation>
    </message>
    <message>
        <source>処理しています…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>お待ちください</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>中止しました。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>読み込んでいます…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>データベースが使用中です</source>
        <translation>Database is busy</translation>
    </message>
    <message>
        <source>もう一度試す</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>操作できません</source>
        <translation>Not possible</translation>
    </message>
</context>
<context>
    <name>OutcomePanel</name>
    <message>
        <source>未協議</source>
        <translation>Not discussed</translation>
    </message>
    <message>
        <source>決定</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>継続審議</source>
        <translation>Continued</translation>
    </message>
    <message>
        <source>報告のみ</source>
        <translation>Report only</translation>
    </message>
    <message>
        <source>標準化</source>
        <translation>Standardized</translation>
    </message>
    <message>
        <source>取下げ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>カスタマイズ実施</source>
        <translation>Customized</translation>
    </message>
    <message>
        <source>カスタマイズ実施（財政課協議・首長決裁の後に確定）</source>
        <translation>Customized (final after finance and mayor&apos;s approval)</translation>
    </message>
    <message>
        <source>検討中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>例: 代替運用案で対応できることを確認し、要望団体が取り下げた</source>
        <translation>e.g. the workaround was confirmed and the members withdrew the request</translation>
    </message>
    <message>
        <source>この議題で協議した内容（議事録の「協議内容」に載ります）</source>
        <translation>What was discussed on this item (printed in the minutes)</translation>
    </message>
    <message>
        <source>記録</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>協議結果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>決定内容</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>協議内容</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>{0}の会議です。協議結果は会議の当日から記録できます。
開催日が誤っていれば「日時・場所を変更…」で直してください。</source>
        <translation>This meeting is on {0}. Outcomes can be recorded from the day of the meeting.
If the date is wrong, correct it with &quot;Change date and place…&quot;.</translation>
    </message>
    <message>
        <source>議題を選んでください。</source>
        <translation>Choose an agenda item.</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}
要望団体: {2}&#x3000;現在の状態: {3}</source>
        <translation>{0}  {1}
Requested by: {2}  Status: {3}</translation>
    </message>
    <message>
        <source>この会議で「{0}」と決定済みです。協議内容だけを記録できます。</source>
        <translation>Already decided &quot;{0}&quot; at this meeting. Only the discussion can be recorded.</translation>
    </message>
    <message>
        <source>「要望」→「検討中」→「{0}」と記録します（この会議での協議として、履歴に 2 行）。</source>
        <translation>Records &quot;Requested&quot; → &quot;Under review&quot; → &quot;{0}&quot; (as discussed at this meeting; two lines in the history).</translation>
    </message>
    <message>
        <source>「検討中」のまま決定として議事録に載り、負担する各団体の財政課協議・首長決裁がすべて記録された時点で「カスタマイズ実施」になります（見積額が必要です）。</source>
        <translation>Recorded in the minutes as a decision while it stays &quot;Under review&quot;; it becomes &quot;Customized&quot; once every paying member&apos;s finance consultation and mayor&apos;s approval are recorded (an estimate is needed).</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>印刷プレビュー: {0}</source>
        <translation>Print preview: {0}</translation>
    </message>
    <message>
        <source>印刷プレビュー</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>{0} ページ</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>ページ全体</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>幅に合わせる</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>保存…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>保存できません</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>PendingDecisionTableModel</name>
    <message>
        <source>承認</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>要望番号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>決定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>決定日</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>業務</source>
        <translation>Business system</translation>
    </message>
    <message>
        <source>機能</source>
        <translation>Functions</translation>
    </message>
    <message>
        <source>帳票</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>うち欠番</source>
        <translation>Of which retired</translation>
    </message>
    <message>
        <source>変更なし</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>取り込み内容</source>
        <translation>Import plan</translation>
    </message>
    <message>
        <source>取り込み内容の詳細</source>
        <translation>Import plan details</translation>
    </message>
    <message>
        <source>取り込めません。次の問題を直してください（ファイルを直したら「読み直す」）。</source>
        <translation>Cannot import. Correct the problems below (after correcting the file, press &quot;Reload&quot;).</translation>
    </message>
</context>
<context>
    <name>PresentationCanvas</name>
    <message>
        <source>議題がありません。会議の「議題」タブで議題を作成してください。</source>
        <translation>No agenda items. Build the agenda in the meeting&apos;s &quot;Agenda&quot; tab.</translation>
    </message>
    <message>
        <source>→ 次&#x3000;← 前&#x3000;1〜6 決定・継続・報告&#x3000;Z 団体の全文&#x3000;H 操作パネル&#x3000;Esc 終了</source>
        <translation>→ next&#x3000;← previous&#x3000;1–6 decide / continue / report&#x3000;Z member&apos;s full text&#x3000;H controls&#x3000;Esc exit</translation>
    </message>
</context>
<context>
    <name>PresentationControls</name>
    <message>
        <source>{0}&#x3000;[{1}]</source>
        <translation>{0}  [{1}]</translation>
    </message>
    <message>
        <source>理由（決定のとき。Enter で記録、Esc でスライドへ）</source>
        <translation>Reason (for a decision; Enter records, Esc returns to the slide)</translation>
    </message>
    <message>
        <source>記録</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>この会議で決定済み: {0}（決定は記録し直せません）</source>
        <translation>Decided at this meeting: {0} (a decision cannot be recorded again)</translation>
    </message>
    <message>
        <source>協議結果: {0}&#x3000;状態: {1}</source>
        <translation>Outcome: {0}&#x3000;Status: {1}</translation>
    </message>
    <message>
        <source>{0}の会議です。協議結果は会議の当日から記録できます。</source>
        <translation>This meeting is on {0}. Outcomes can be recorded from the day of the meeting.</translation>
    </message>
    <message>
        <source>未協議</source>
        <translation>Not discussed</translation>
    </message>
    <message>
        <source>標準化とする</source>
        <translation>Standardize</translation>
    </message>
    <message>
        <source>取下げとする</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>カスタマイズを実施する</source>
        <translation>Customize</translation>
    </message>
    <message>
        <source>継続審議とする</source>
        <translation>Continue discussion</translation>
    </message>
    <message>
        <source>報告のみ</source>
        <translation>Report only</translation>
    </message>
    <message>
        <source>カスタマイズを実施する（財政課協議・首長決裁の後に確定）</source>
        <translation>Customize (final after finance and mayor&apos;s approval)</translation>
    </message>
</context>
<context>
    <name>PresentationView</name>
    <message>
        <source>…（続く・Z で続き）</source>
        <translation>… (continues: Z for more)</translation>
    </message>
    <message>
        <source>プレゼンテーション</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <source>プレゼンテーション — {0}（{1}）</source>
        <translation>Presentation — {0} ({1})</translation>
    </message>
    <message>
        <source>プレゼンテーションの操作</source>
        <translation>Presentation controls</translation>
    </message>
    <message>
        <source>&#x3000;［継続］</source>
        <translation>  [Continued]</translation>
    </message>
    <message>
        <source>住民サービス: {0}</source>
        <translation>Resident services: {0}</translation>
    </message>
    <message>
        <source>見積額: {0}</source>
        <translation>Estimate: {0}</translation>
    </message>
    <message>
        <source>理由: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>ヒアリング {0}: {1}{2}</source>
        <translation>Hearing {0}: {1}{2}</translation>
    </message>
    <message>
        <source>{0}&#x3000;／&#x3000;状態: {1}</source>
        <translation>{0}  /  Status: {1}</translation>
    </message>
    <message>
        <source>&#x3000;— 標準の機能で業務を行っている団体</source>
        <translation> — members doing the work with the standard function</translation>
    </message>
    <message>
        <source>年間 {0} 件</source>
        <translation>{0} cases/year</translation>
    </message>
    <message>
        <source>（{0} 件）</source>
        <translation> ({0} cases)</translation>
    </message>
    <message>
        <source>協議内容: {0}</source>
        <translation>Discussion: {0}</translation>
    </message>
    <message>
        <source>負担額: {0}</source>
        <translation>Share: {0}</translation>
    </message>
    <message>
        <source>［取下げ］</source>
        <translation>[Withdrawn]</translation>
    </message>
    <message>
        <source>（新規）</source>
        <translation>(new)</translation>
    </message>
    <message>
        <source>（全文 {0} / {1}&#x3000;Z 次の団体&#x3000;Esc 全団体）</source>
        <translation>(full text {0} / {1}&#x3000;Z next member&#x3000;Esc all members)</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <source>{0}にする列</source>
        <translation>Column for {0}</translation>
    </message>
    <message>
        <source>（列を選んでください）</source>
        <translation>(choose a column)</translation>
    </message>
    <message>
        <source>{0}列</source>
        <translation>Column {0}</translation>
    </message>
    <message>
        <source>業務「{0}」（{1} 行、最初は {2} 行目）: 対応付けました。</source>
        <translation>Business system &quot;{0}&quot; ({1} rows, first at row {2}): mapped.</translation>
    </message>
    <message>
        <source>業務「{0}」は登録されていません（{1} 行、最初は {2} 行目）。</source>
        <translation>Business system &quot;{0}&quot; is not registered ({1} rows, first at row {2}).</translation>
    </message>
    <message>
        <source>業務「{0}」の対応付け</source>
        <translation>Mapping of business system &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>（登録済みの業務を選んでください）</source>
        <translation>(choose a registered business system)</translation>
    </message>
    <message>
        <source>{0}（候補）</source>
        <translation>{0} (suggested)</translation>
    </message>
    <message>
        <source>新しい業務として追加…</source>
        <translation>Add as a new business system…</translation>
    </message>
    <message>
        <source>対応する業務</source>
        <translation>Matching business system</translation>
    </message>
    <message>
        <source>確認が必要な事項はありません。</source>
        <translation>Nothing needs checking.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>例: 代替運用案で対応できることを分科会で確認した</source>
        <translation>e.g. the working group confirmed the workaround</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>この判断をした会議（議事録の決定事項に載ります）</source>
        <translation>The meeting that decided (printed in its minutes)</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>（必須）</source>
        <translation>(required)</translation>
    </message>
    <message>
        <source>（任意）</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <source>決定した会議</source>
        <translation>Deciding meeting</translation>
    </message>
    <message>
        <source>実行</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>理由を入力してください。</source>
        <translation>Enter the reason.</translation>
    </message>
</context>
<context>
    <name>RenameBusinessSystemDialog</name>
    <message>
        <source>業務名を変更</source>
        <translation>Rename business system</translation>
    </message>
    <message>
        <source>今の業務名</source>
        <translation>Current name</translation>
    </message>
    <message>
        <source>新しい業務名</source>
        <translation>New name</translation>
    </message>
    <message>
        <source>この業務の機能・要望・会議は、新しい名前のまま引き継がれます。</source>
        <translation>This business system&apos;s functions, requests and meetings carry over under the new name.</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>業務名を入力してください。</source>
        <translation>Enter the business system&apos;s name.</translation>
    </message>
    <message>
        <source>業務「{0}」はすでにあります。</source>
        <translation>Business system &quot;{0}&quot; already exists.</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <source>負担額通知を書き出す</source>
        <translation>Export cost notices</translation>
    </message>
    <message>
        <source>費用負担一覧を Excel に書き出す</source>
        <translation>Export the cost table to Excel</translation>
    </message>
    <message>
        <source>費用負担一覧を書き出す</source>
        <translation>Export the cost table</translation>
    </message>
    <message>
        <source>総会用サマリーを書き出す</source>
        <translation>Export the general meeting summary</translation>
    </message>
    <message>
        <source>負担のない団体あても作成する</source>
        <translation>Also for members that bear nothing</translation>
    </message>
    <message>
        <source>負担のある全団体（団体ごとに 1 ファイル）</source>
        <translation>Every member that bears costs (one file each)</translation>
    </message>
    <message>
        <source>宛先</source>
        <translation>To</translation>
    </message>
    <message>
        <source>印字: {0}現在</source>
        <translation>Printed: as of {0}</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>空欄なら協議会の設定の会長</source>
        <translation>If blank, the chair from the consortium settings</translation>
    </message>
    <message>
        <source>会長以外の名で出すときだけ入力します（例: 会長職務代理者&#x3000;副会長&#x3000;那珂市長&#x3000;山田 太郎）</source>
        <translation>Only when sending in another name than the chair&apos;s (e.g. 会長職務代理者&#x3000;副会長&#x3000;那珂市長&#x3000;山田 太郎)</translation>
    </message>
    <message>
        <source>文書番号</source>
        <translation>Reference number</translation>
    </message>
    <message>
        <source>発信者</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>例: 資料2</source>
        <translation>e.g. 資料2</translation>
    </message>
    <message>
        <source>例: 資料3（空欄なら印字しません）</source>
        <translation>e.g. 資料3 (blank: not printed)</translation>
    </message>
    <message>
        <source>資料番号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>日付は「…現在」として、資料番号は右上の枠に印字します。</source>
        <translation>The date is printed as &quot;as of …&quot;, the document number in the box at the top right.</translation>
    </message>
    <message>
        <source>書き出す…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>印字: {0}</source>
        <translation>Printed: {0}</translation>
    </message>
    <message>
        <source>写しを財政担当課長に送付する（「写し送付先」を印字）</source>
        <translation>Send a copy to the finance section chief (prints the &quot;写し送付先&quot; line)</translation>
    </message>
    <message>
        <source>例: い協第15号（空欄なら「第&#x3000;&#x3000;号」と印字）</source>
        <translation>e.g. い協第15号 (if blank, &quot;第&#x3000;&#x3000;号&quot; is printed)</translation>
    </message>
    <message>
        <source>日付と文書番号は右上に、発信者は協議会名の下に印字します。会長・公印省略・担当欄はツール &gt; 協議会の設定… で変更します。全団体あてには同じ文書番号で作成します。</source>
        <translation>The date and reference number print at the top right, the sender below the consortium&apos;s name. Change the chair, seal omission and contact in Tools &gt; Consortium settings…. Notices to all members share one reference number.</translation>
    </message>
    <message>
        <source>資料番号を入力してください（例: 資料1）。</source>
        <translation>Enter the document number (e.g. 資料1).</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>帳票・費用負担</source>
        <translation>Reports and cost sharing</translation>
    </message>
    <message>
        <source>人口基準日</source>
        <translation>Population as of</translation>
    </message>
    <message>
        <source>ルールを保存</source>
        <translation>Save rule</translation>
    </message>
    <message>
        <source>協議会の費用按分ルール</source>
        <translation>The consortium&apos;s cost-sharing rule</translation>
    </message>
    <message>
        <source>端数</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <source>団体別負担額通知（PDF）…</source>
        <translation>Member cost notices (PDF)…</translation>
    </message>
    <message>
        <source>負担一覧（PDF / Excel）…</source>
        <translation>Cost table (PDF / Excel)…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>総会用サマリー（PDF）…</source>
        <translation>General meeting summary (PDF)…</translation>
    </message>
    <message>
        <source>検討中の要望も表示</source>
        <translation>Include requests under review</translation>
    </message>
    <message>
        <source>カスタマイズ経費の負担一覧</source>
        <translation>Customization cost shares</translation>
    </message>
    <message>
        <source>要望を選ぶと、各団体の負担額の計算が表示されます。</source>
        <translation>Choose a request to see how each member&apos;s share is computed.</translation>
    </message>
    <message>
        <source>この要望に適用</source>
        <translation>Apply to this request</translation>
    </message>
    <message>
        <source>按分方法</source>
        <translation>Sharing method</translation>
    </message>
    <message>
        <source>負担額の計算</source>
        <translation>Share computation</translation>
    </message>
    <message>
        <source>現在: {0}</source>
        <translation>Now: {0}</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <comment>a member and its total</comment>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>合計 {0}&#x3000;／&#x3000;{1}</source>
        <translation>Total {0}  /  {1}</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <comment>between the members&apos; totals</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>
千円未満の端数 {0}は{1}が負担</source>
        <translation>
The remainder under 1,000 yen ({0}) is borne by {1}</translation>
    </message>
    <message>
        <source>総会用サマリー</source>
        <translation>general_meeting_summary</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Not yet known</translation>
    </message>
    <message>
        <source>（見込）</source>
        <translation> (forecast)</translation>
    </message>
    <message>
        <source>（要再決裁）</source>
        <translation> (re-approval needed)</translation>
    </message>
    <message>
        <source>（この要望独自の方法）</source>
        <translation>(this request&apos;s own method)</translation>
    </message>
    <message>
        <source>{0} {1}
見積額 {2}・{3}{4}・対象団体の人口 計 {5} 人</source>
        <translation>{0} {1}
Estimate {2} · {3}{4} · population of the paying members {5}</translation>
    </message>
    <message>
        <source>
要再決裁: {0} 首長決裁 {1} → 現在 {2}（改めて財政課協議・首長決裁が必要）</source>
        <translation>
Re-approval needed: {0}, mayor&apos;s approval {1} → now {2} (a new finance consultation and mayor&apos;s approval are needed)</translation>
    </message>
    <message>
        <source>費用按分のルールを保存しました。</source>
        <translation>Cost-sharing rule saved.</translation>
    </message>
    <message>
        <source>{0} {1}: 首長決裁 {2} → {3}</source>
        <translation>{0} {1}: mayor&apos;s approval {2} → {3}</translation>
    </message>
    <message>
        <source>ほか {0} 件</source>
        <translation>and {0} more</translation>
    </message>
    <message>
        <source>要再決裁の確認</source>
        <translation>Re-approval needed</translation>
    </message>
    <message>
        <source>このルールで保存すると、首長決裁を受けた負担額が {0} 件変わります。変わった団体は、改めて財政課協議・首長決裁を経る必要があります（要再決裁）。保存しますか？

{1}</source>
        <translation>Saving this rule changes {0} share(s) a mayor has approved. Those members need a new finance consultation and mayor&apos;s approval (re-approval). Save?

{1}</translation>
    </message>
    <message>
        <source>按分方法を保存しました。</source>
        <translation>Sharing method saved.</translation>
    </message>
    <message>
        <source>首長決裁を受けた負担額が変わった団体が {0} 件あります（要再決裁）。</source>
        <translation>The approved share of {0} member(s) has changed (re-approval needed).</translation>
    </message>
    <message>
        <source>書き出しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <source>団体別負担額通知を書き出す</source>
        <translation>Export member cost notices</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>負担額通知を書き出しています…</source>
        <translation>Exporting cost notices…</translation>
    </message>
    <message>
        <source>負担額通知</source>
        <translation>Cost notices</translation>
    </message>
    <message>
        <source>カスタマイズ経費を負担する団体がありません。</source>
        <translation>No member bears customization costs.</translation>
    </message>
    <message>
        <source>負担額通知を書き出すフォルダ</source>
        <translation>Folder for the cost notices</translation>
    </message>
    <message>
        <source>上書きの確認</source>
        <translation>Overwrite?</translation>
    </message>
    <message>
        <source>このフォルダには {0} 団体分の負担額通知がすでにあります（{1}）。上書きしますか？</source>
        <translation>This folder already has cost notices for {0} members ({1}). Overwrite them?</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>負担額通知 {0} 団体分を書き出しました: {1}</source>
        <translation>Cost notices for {0} members exported: {1}</translation>
    </message>
    <message>
        <source>書き出しました</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>{0} 団体分の負担額通知を書き出しました。フォルダを開きますか？</source>
        <translation>Cost notices for {0} members exported. Open the folder?</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>費用負担一覧を書き出す</source>
        <translation>Export the cost table</translation>
    </message>
    <message>
        <source>費用負担一覧</source>
        <translation>Cost table</translation>
    </message>
    <message>
        <source>費用負担一覧を書き出しています…</source>
        <translation>Exporting the cost table…</translation>
    </message>
    <message>
        <source>総会用サマリーを書き出す</source>
        <translation>Export the general meeting summary</translation>
    </message>
    <message>
        <source>総会用サマリーを書き出しています…</source>
        <translation>Exporting the general meeting summary…</translation>
    </message>
    <message>
        <source>1円単位</source>
        <translation>To the yen</translation>
    </message>
    <message>
        <source>千円未満切捨て</source>
        <translation>Truncated to 1,000 yen</translation>
    </message>
</context>
<context>
    <name>RequestEditorKeys</name>
    <message>
        <source>要望番号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>要望する団体</source>
        <translation>Requesting member</translation>
    </message>
    <message>
        <source>パッケージの機能</source>
        <translation>Package function</translation>
    </message>
    <message>
        <source>パッケージにない機能（新規）</source>
        <translation>Function not in the package (new)</translation>
    </message>
    <message>
        <source>新しい機能の業務</source>
        <translation>Business system of the new function</translation>
    </message>
    <message>
        <source>新しい機能の名称</source>
        <translation>Name of the new function</translation>
    </message>
    <message>
        <source>要望名</source>
        <translation>Request title</translation>
    </message>
    <message>
        <source>見積額（円）</source>
        <translation>Estimate (yen)</translation>
    </message>
    <message>
        <source>団体ごとの要望と変更履歴</source>
        <translation>Members&apos; requests and change history</translation>
    </message>
    <message>
        <source>団体を追加</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ショートカット: {0}</source>
        <translation>Shortcut: {0}</translation>
    </message>
    <message>
        <source>保存していない変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>保存していない変更があります。保存してから閉じますか？</source>
        <translation>There are unsaved changes. Save them before closing?</translation>
    </message>
    <message>
        <source>保存して閉じる</source>
        <translation>Save and close</translation>
    </message>
    <message>
        <source>保存せずに閉じる</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>編集に戻る</source>
        <translation>Back to editing</translation>
    </message>
</context>
<context>
    <name>RequestHistoryTab</name>
    <message>
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>変更者</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>CSVに書き出す</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>状態の履歴</source>
        <translation>Status history</translation>
    </message>
    <message>
        <source>変更履歴（誰が・いつ・どの項目を・変更前・変更後）</source>
        <translation>Change history (who, when, which field, before, after)</translation>
    </message>
    <message>
        <source>変更履歴</source>
        <translation>History</translation>
    </message>
    <message>
        <source>変更履歴をCSVに書き出す</source>
        <translation>Export history as CSV</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>{0} 行を書き出しました</source>
        <translation>Exported {0} rows</translation>
    </message>
</context>
<context>
    <name>RequestImportPreviewDialog</name>
    <message>
        <source>要望を取り込む</source>
        <translation>Import requests</translation>
    </message>
    <message>
        <source>次の内容で取り込みます（{0}）。よろしければ「取り込む」を押してください。取り込んだ後でも「元に戻す」で取り消せます。</source>
        <translation>The following will be imported ({0}). Press &quot;Import&quot; to go ahead; Undo can take it back afterwards.</translation>
    </message>
    <message>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>データベースと同じ内容のため、取り込むものはありません。</source>
        <translation>Nothing to import: the database already holds the same.</translation>
    </message>
</context>
<context>
    <name>RequestItemDialog</name>
    <message>
        <source>要望</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>（選んでください）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>パッケージの機能</source>
        <translation>Package function</translation>
    </message>
    <message>
        <source>パッケージにない機能（新規）</source>
        <translation>Function not in the package (new)</translation>
    </message>
    <message>
        <source>（業務を選んでください）</source>
        <translation>(choose a business system)</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>新しい機能の名称</source>
        <translation>Name of the new function</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Not yet known</translation>
    </message>
    <message>
        <source>ベンダーの見積額（要望項目全体・円）</source>
        <translation>Vendor&apos;s estimate (whole request item, yen)</translation>
    </message>
    <message>
        <source>円</source>
        <translation>yen</translation>
    </message>
    <message>
        <source>要望番号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>要望する団体</source>
        <translation>Requesting member</translation>
    </message>
    <message>
        <source>対象の機能</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>要望名</source>
        <translation>Request title</translation>
    </message>
    <message>
        <source>見積額</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <source>要望項目</source>
        <translation>Request item</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>団体を追加…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>閉じる（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>この要望項目はありません（登録が元に戻されました）。</source>
        <translation>This request item no longer exists (its registration was undone).</translation>
    </message>
    <message>
        <source>要望 {0}</source>
        <translation>Request {0}</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <source>新しい要望</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>空欄なら {0}</source>
        <translation>Blank: {0}</translation>
    </message>
    <message>
        <source>空欄なら機能名</source>
        <translation>Blank: the function name</translation>
    </message>
    <message>
        <source>要望の内容</source>
        <translation>Request details</translation>
    </message>
    <message>
        <source>決定済みのため編集できません。見直す場合は、理由を記録して「検討中」に戻してください。</source>
        <translation>Decided, so it cannot be edited. To reconsider, record a reason and return it to &quot;under review&quot;.</translation>
    </message>
    <message>
        <source>カスタマイズ実施には、見積額と、負担する各団体の財政課協議・首長決裁が必要です。</source>
        <translation>Customizing needs an estimate, and each paying member&apos;s finance consultation and mayor&apos;s approval.</translation>
    </message>
    <message>
        <source>部会で検討を始めるときに「検討中」にします。</source>
        <translation>Set &quot;under review&quot; when the subcommittee starts discussing it.</translation>
    </message>
    <message>
        <source>（追加）</source>
        <translation>(added)</translation>
    </message>
    <message>
        <source>（取下げ）</source>
        <translation>(withdrawn)</translation>
    </message>
    <message>
        <source>変更履歴</source>
        <translation>History</translation>
    </message>
    <message>
        <source>空欄なら「{0}」</source>
        <translation>Blank: &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>要望する団体を選んでください。</source>
        <translation>Choose the requesting member.</translation>
    </message>
    <message>
        <source>対象の機能を一覧から選んでください。</source>
        <translation>Choose the function from the list.</translation>
    </message>
    <message>
        <source>新しい機能の業務を選んでください。</source>
        <translation>Choose the new function&apos;s business system.</translation>
    </message>
    <message>
        <source>新しい機能の名称を入力してください。</source>
        <translation>Enter the new function&apos;s name.</translation>
    </message>
    <message>
        <source>要望名を入力してください。</source>
        <translation>Enter the request title.</translation>
    </message>
    <message>
        <source>必須の項目が入力されていないため、保存できません。</source>
        <translation>Required fields are empty, so it cannot be saved.</translation>
    </message>
    <message>
        <source>帳票 {0}</source>
        <translation>Form {0}</translation>
    </message>
    <message>
        <source>状態の変更</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>保存していない変更があります。保存してから状態を変更してください。</source>
        <translation>There are unsaved changes. Save before changing the status.</translation>
    </message>
    <message>
        <source>「{0}」から「{1}」に変更します。</source>
        <translation>Change from &quot;{0}&quot; to &quot;{1}&quot;. </translation>
    </message>
    <message>
        <source>決定を見直す理由を記録してください。</source>
        <translation>Record why the decision is being reconsidered.</translation>
    </message>
    <message>
        <source>判断の理由を記録してください（比較一覧表と議事録に載ります）。</source>
        <translation>Record the reason for the decision (printed in the comparison table and the minutes).</translation>
    </message>
    <message>
        <source>要望 {0} の状態を変更</source>
        <translation>Change the status of request {0}</translation>
    </message>
    <message>
        <source>団体を追加</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>追加できる団体はありません。</source>
        <translation>There are no members to add.</translation>
    </message>
    <message>
        <source>同じ要望をする団体</source>
        <translation>Member with the same request</translation>
    </message>
    <message>
        <source>検討中にする…</source>
        <translation>Put under review…</translation>
    </message>
    <message>
        <source>標準化…</source>
        <translation>Standardize…</translation>
    </message>
    <message>
        <source>取下げ…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>カスタマイズ実施…</source>
        <translation>Customize…</translation>
    </message>
    <message>
        <source>検討中に戻す（見直し）…</source>
        <translation>Back to review (reconsider)…</translation>
    </message>
</context>
<context>
    <name>RequestListView</name>
    <message>
        <source>要望</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>検討中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>標準化</source>
        <translation>Standardized</translation>
    </message>
    <message>
        <source>取下げ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>カスタマイズ実施</source>
        <translation>Customized</translation>
    </message>
    <message>
        <source>カスタマイズ要望</source>
        <translation>Customization requests</translation>
    </message>
    <message>
        <source>要望は「要望」→「検討中」→「標準化」「取下げ」「カスタマイズ実施」と進みます。行をダブルクリック（または Enter）すると要望を開きます。</source>
        <translation>Requests move from &quot;requested&quot; to &quot;under review&quot; and end &quot;standardized&quot;, &quot;withdrawn&quot; or &quot;customized&quot;. Double-click a row (or press Enter) to open it.</translation>
    </message>
    <message>
        <source>新しい要望…</source>
        <translation>New request…</translation>
    </message>
    <message>
        <source>要望様式を書き出す…</source>
        <translation>Export request forms…</translation>
    </message>
    <message>
        <source>要望を取り込む…</source>
        <translation>Import requests…</translation>
    </message>
    <message>
        <source>要望番号・要望名・機能・団体で検索</source>
        <translation>Search request no., title, function, member</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>専門部会</source>
        <translation>Subcommittee</translation>
    </message>
    <message>
        <source>業務</source>
        <translation>Business system</translation>
    </message>
    <message>
        <source>表示 {0} 件／全 {1} 件</source>
        <translation>Showing {0} of {1}</translation>
    </message>
    <message>
        <source>要望 {0} を保存しました。</source>
        <translation>Request {0} saved.</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>帳票 {0}</source>
        <translation>Form {0}</translation>
    </message>
    <message>
        <source>（取下げ: {0}）</source>
        <translation>(withdrawn: {0})</translation>
    </message>
    <message>
        <source>取下げ: {0}</source>
        <translation>Withdrawn: {0}</translation>
    </message>
    <message>
        <source>（新規）</source>
        <translation>(new)</translation>
    </message>
    <message>
        <source>要望番号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>業務</source>
        <translation>Business system</translation>
    </message>
    <message>
        <source>機能ID</source>
        <translation>Function ID</translation>
    </message>
    <message>
        <source>要望名</source>
        <translation>Request title</translation>
    </message>
    <message>
        <source>要望団体</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>見積額</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <source>最終更新</source>
        <translation>Last updated</translation>
    </message>
    <message>
        <source>新規機能</source>
        <translation>New function</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>起動時</source>
        <translation>At start</translation>
    </message>
    <message>
        <source>終了時</source>
        <translation>At close</translation>
    </message>
    <message>
        <source>版の更新前</source>
        <translation>Before an upgrade</translation>
    </message>
    <message>
        <source>復元前</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>バックアップから復元</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>復元するバックアップを選んでください。いまのデータベースは、置き換える前に別のファイルとして保存されます。
保存場所: {0}</source>
        <translation>Choose the backup to restore. The current database is kept as a separate file before it is replaced.
Folder: {0}</translation>
    </message>
    <message>
        <source>作成日時</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>大きさ</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>このデータベースのバックアップはまだありません。</source>
        <translation>This database has no backups yet.</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>復元…</source>
        <translation>Restore…</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>検索語を消去</source>
        <translation>Clear the search</translation>
    </message>
</context>
<context>
    <name>SelectionActions</name>
    <message>
        <source>協議結果をまとめて記録…（{0} 件）</source>
        <translation>Record outcomes together… ({0})</translation>
    </message>
    <message>
        <source>状態をまとめて変更…（{0} 件）</source>
        <translation>Change status… ({0})</translation>
    </message>
    <message>
        <source>会議の議題に追加…（{0} 件）</source>
        <translation>Add to a meeting&apos;s agenda… ({0})</translation>
    </message>
    <message>
        <source>比較一覧表（選択した要望）を PDF に書き出す…</source>
        <translation>Export comparison table (selected requests) as PDF…</translation>
    </message>
    <message>
        <source>比較一覧表（選択した要望）を Excel に書き出す…</source>
        <translation>Export comparison table (selected requests) to Excel…</translation>
    </message>
    <message>
        <source>要望 {0} 件を「{1}」にしました。</source>
        <translation>Set {0} requests to &quot;{1}&quot;.</translation>
    </message>
    <message>
        <source>要望 {0} 件の協議結果を記録しました。</source>
        <translation>Recorded the outcome of {0} requests.</translation>
    </message>
    <message>
        <source>会議がありません。先に「会議」で会議を登録してください。</source>
        <translation>There are no meetings. Register a meeting under &quot;Meetings&quot; first.</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>議題に追加</source>
        <translation>Add to agenda</translation>
    </message>
    <message>
        <source>要望 {0} 件を追加する会議</source>
        <translation>Meeting to add {0} requests to</translation>
    </message>
    <message>
        <source>要望 {0} 件を議題に追加しました。</source>
        <translation>Added {0} requests to the agenda.</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>比較一覧表を書き出す</source>
        <translation>Export the comparison table</translation>
    </message>
    <message>
        <source>比較一覧表を書き出しています…</source>
        <translation>Exporting the comparison table…</translation>
    </message>
    <message>
        <source>比較一覧表を書き出しました: {0}</source>
        <translation>Comparison table exported: {0}</translation>
    </message>
</context>
<context>
    <name>SelectionAttendanceDialog</name>
    <message>
        <source>選考会への参加を記録</source>
        <translation>Record vendor selection attendance</translation>
    </message>
    <message>
        <source>例: RFI説明会、二次選考</source>
        <translation>e.g. RFI presentation, second selection</translation>
    </message>
    <message>
        <source>RFI説明会</source>
        <translation>RFI presentation</translation>
    </message>
    <message>
        <source>二次選考</source>
        <translation>Second selection</translation>
    </message>
    <message>
        <source>例: 市民課（任意）</source>
        <translation>e.g. Citizens Division (optional)</translation>
    </message>
    <message>
        <source>選考会</source>
        <translation>Selection meeting</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>構成団体</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>参加者</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Organization</translation>
    </message>
</context>
<context>
    <name>SelectionEventDialog</name>
    <message>
        <source>選考会を登録</source>
        <translation>Register a selection meeting</translation>
    </message>
    <message>
        <source>例: RFI説明会、二次選考</source>
        <translation>e.g. RFI presentation, second selection</translation>
    </message>
    <message>
        <source>選考会</source>
        <translation>Selection meeting</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date held</translation>
    </message>
    <message>
        <source>登録</source>
        <translation>Register</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>空欄ならパソコンのログイン名</source>
        <translation>Blank: the computer&apos;s login name</translation>
    </message>
    <message>
        <source>操作者名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>表示言語</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>和暦（令和8年11月22日）</source>
        <translation>Japanese era (令和8年11月22日)</translation>
    </message>
    <message>
        <source>西暦（2026/11/22）</source>
        <translation>Western (2026/11/22)</translation>
    </message>
    <message>
        <source>画面の日付</source>
        <translation>Dates on screen</translation>
    </message>
    <message>
        <source>A3 横</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <source>A4 横</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <source>比較一覧表の用紙</source>
        <translation>Comparison table paper</translation>
    </message>
    <message>
        <source>協議会のルール: {0}</source>
        <translation>Consortium rule: {0}</translation>
    </message>
    <message>
        <source>協議会のルールに従います。</source>
        <translation>Follows the consortium&apos;s rule.</translation>
    </message>
    <message>
        <source>按分方法は協議会ごとに決まっており、すべての帳票とコマンドがこれを使います。変更は「帳票」画面の「協議会の費用按分ルール」で行います。</source>
        <translation>The sharing method is set per consortium and every document and command uses it. Change it in the Reports screen under &quot;The consortium&apos;s cost-sharing rule&quot;.</translation>
    </message>
    <message>
        <source>費用負担の按分</source>
        <translation>Cost sharing</translation>
    </message>
    <message>
        <source> 個</source>
        <translation> </translation>
    </message>
    <message>
        <source>残すバックアップの数</source>
        <translation>Backups to keep</translation>
    </message>
    <message>
        <source>表示言語は、OK を押すとすぐに切り替わります（開いている画面はそのまま）。</source>
        <translation>The display language switches as soon as you press OK (the screen you are on stays open).</translation>
    </message>
    <message>
        <source>印刷する帳票（比較一覧表・議事録など）は常に和暦です。</source>
        <translation>Printed documents (comparison table, minutes…) always use Japanese era dates.</translation>
    </message>
    <message>
        <source>操作者名（変更履歴に記録）</source>
        <translation>User name (recorded in the history)</translation>
    </message>
    <message>
        <source>全般</source>
        <translation>General</translation>
    </message>
    <message>
        <source>帳票・費用・バックアップ</source>
        <translation>Documents, costs, backups</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ShareTableModel</name>
    <message>
        <source>構成団体</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>人口比</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <source>均等割額</source>
        <translation>Equal part</translation>
    </message>
    <message>
        <source>人口割額</source>
        <translation>Pop. part</translation>
    </message>
    <message>
        <source>端数調整</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <source>負担額</source>
        <translation>Share</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>cloudsuppress へようこそ</source>
        <translation>Welcome to cloudsuppress</translation>
    </message>
    <message>
        <source>協議会のデータベースを作ります。あとから「ファイル」メニューで別の協議会を作る・開くこともできます。</source>
        <translation>Set up the consortium&apos;s database. Other consortia can be created or opened later from the File menu.</translation>
    </message>
    <message>
        <source>「次へ」を押して、協議会の名称・構成団体・機能一覧を登録します。</source>
        <translation>Press &quot;Next&quot; to register the consortium&apos;s name, members and function list.</translation>
    </message>
    <message>
        <source>デモデータで試す</source>
        <translation>Try with demo data</translation>
    </message>
    <message>
        <source>4団体・3,069機能の架空の協議会で、画面と帳票を試せます。</source>
        <translation>A fictitious consortium of 4 members and 3,069 functions, to try the screens and documents.</translation>
    </message>
</context>
<context>
    <name>_MethodEditor</name>
    <message>
        <source>均等割</source>
        <translation>Equal share</translation>
    </message>
    <message>
        <source>人口割</source>
        <translation>Population share</translation>
    </message>
    <message>
        <source>併用（均等割・人口割）</source>
        <translation>Equal + population</translation>
    </message>
    <message>
        <source>協議会のルール</source>
        <translation>Consortium&apos;s rule</translation>
    </message>
    <message>
        <source>:  人口割</source>
        <translation>:  population</translation>
    </message>
</context>
<context>
    <name>_RecordDialog</name>
    <message>
        <source>記録</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>予期しないエラー</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>予期しないエラーが発生しました。作業中の内容を確認し、必要ならアプリを再起動してください。</source>
        <translation>An unexpected error occurred. Check your work and restart the app if needed.</translation>
    </message>
</context>
<context>
    <name>file_dialogs</name>
    <message>
        <source>フォルダがありません</source>
        <translation>Folder not found</translation>
    </message>
    <message>
        <source>フォルダ {0} はありません。作成しますか？</source>
        <translation>Folder {0} does not exist. Create it?</translation>
    </message>
    <message>
        <source>フォルダを作成できません</source>
        <translation>Cannot create the folder</translation>
    </message>
    <message>
        <source>フォルダ {0} を作成できません。
{1}</source>
        <translation>Cannot create folder {0}.
{1}</translation>
    </message>
</context>
<context>
    <name>gap_template</name>
    <message>
        <source>△・× の判定から要望票を作る</source>
        <translation>Request form from △/× judgements</translation>
    </message>
    <message>
        <source>記入するのは機能ID・要望名・要望内容（団体の「現行運用・要望」）です。必須の回答（処理件数、住民サービスへの影響など）は、団体が記入して返送します。書き出しますか。</source>
        <translation>It fills in the function ID, request title and request text (the member&apos;s &quot;current practice / request&quot;). The required answers (case count, effect on resident services, etc.) are filled in and returned by the member. Export it?</translation>
    </message>
    <message>
        <source>要望票 (*.xlsx)</source>
        <translation>Request form (*.xlsx)</translation>
    </message>
    <message>
        <source>帳票 </source>
        <translation>Form </translation>
    </message>
    <message>
        <source>{0} の要望票を書き出しました（△・× の {1} 件を記入済み）: {2}</source>
        <translation>Request form for {0} exported ({1} △/× rows filled in): {2}</translation>
    </message>
    <message>
        <source>{0} が Fit&amp;Gap で△・×とした {1} 件を、要望の行として記入した要望票を書き出します。</source>
        <translation>Exports a request form for {0} with the {1} functions it marked △ or × in Fit&amp;Gap filled in as request rows.</translation>
    </message>
    <message>
        <source>要望票を書き出しています…</source>
        <translation>Exporting request forms…</translation>
    </message>
    <message>
        <source>  ほか {0} 件</source>
        <translation>  and {0} more</translation>
    </message>
    <message>
        <source>{0} が△・×とした機能はありません。団体ごとの判定（団体名の下に 判定 / 現行運用・要望）がある Fit&amp;Gap シートを「機能一覧を取り込む…」で取り込むと、ここから要望票を作れます。</source>
        <translation>{0} marked no function △ or ×. Import a Fit&amp;Gap sheet with judgements by member (columns &quot;判定&quot; / &quot;現行運用・要望&quot; under each member&apos;s name) with &quot;Import function list…&quot; to make request forms here.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>前回のデータベース</source>
        <translation>Last database</translation>
    </message>
    <message>
        <source>データベースを開けません</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>report_export</name>
    <message>
        <source>上書きの確認</source>
        <translation>Overwrite?</translation>
    </message>
    <message>
        <source>{0} はすでにあります。置き換えますか？</source>
        <translation>{0} already exists. Replace it?</translation>
    </message>
    <message>
        <source>書き出せません</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>書き出しました</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>{0} を書き出しました。
開きますか？</source>
        <translation>{0} exported.
Open it?</translation>
    </message>
    <message>
        <source>ファイルに書き込めません。
{0}

{1}。</source>
        <translation>Cannot write the file.
{0}

{1}.</translation>
    </message>
</context>
<context>
    <name>request_workbooks</name>
    <message>
        <source>要望票 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;すべてのファイル (*)</source>
        <translation>Request forms (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>要望様式を書き出す</source>
        <translation>Export request forms</translation>
    </message>
    <message>
        <source>団体が登録されていません。先に団体を登録してください。</source>
        <translation>No members are registered. Register the members first.</translation>
    </message>
    <message>
        <source>次のファイルはすでにあります。上書きしますか。
{0}</source>
        <translation>These files already exist. Overwrite them?
{0}</translation>
    </message>
    <message>
        <source>要望票を書き出しています…</source>
        <translation>Exporting request forms…</translation>
    </message>
    <message>
        <source>要望票を {0} 件書き出しました: {1}</source>
        <translation>Exported {0} request forms: {1}</translation>
    </message>
    <message>
        <source>新しい要望項目 {0} 件、団体の要望の追加 {1} 件、変更 {2} 件、変更なし {3} 件</source>
        <translation>New request items: {0}. Members&apos; requests added: {1}, changed: {2}, unchanged: {3}</translation>
    </message>
    <message>
        <source>（参加）</source>
        <translation> (joins)</translation>
    </message>
    <message>
        <source>（変更なし）</source>
        <translation> (unchanged)</translation>
    </message>
    <message>
        <source>新規</source>
        <translation>new</translation>
    </message>
    <message>
        <source>既存</source>
        <translation>existing</translation>
    </message>
    <message>
        <source>（変更: {0}）</source>
        <translation> (changed: {0})</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>（見積額を変更）</source>
        <translation> (estimate changed)</translation>
    </message>
    <message>
        <source>  {0} {1} {2}: {3}{4}</source>
        <translation>  {0} ({1}) {2}: {3}{4}</translation>
    </message>
    <message>
        <source>記入済みの要望票を選ぶ（複数可）</source>
        <translation>Choose completed request forms (several allowed)</translation>
    </message>
    <message>
        <source>要望票を読み込んでいます…</source>
        <translation>Reading request forms…</translation>
    </message>
    <message>
        <source>要望を取り込んでいます…</source>
        <translation>Importing requests…</translation>
    </message>
    <message>
        <source>要望票を取り込みました（{0}）: 新しい要望項目 {1} 件、{2} 行。</source>
        <translation>Imported request forms ({0}): {1} new request items, {2} rows.</translation>
    </message>
</context>
</TS>
