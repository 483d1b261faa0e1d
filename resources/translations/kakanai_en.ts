<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="162" />
        <source>監督者ダッシュボード</source>
        <translation>Supervisor dashboard</translation>
    </message>
</context>
<context>
    <name>AddProcedureDialog</name>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="68" />
        <source>手続を追加</source>
        <translation>Add procedure</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="70" />
        <source>手続名で検索（例: 印鑑）　↓ で一覧へ、Enter で選ぶ</source>
        <translation>Search by name (e.g. 印鑑)  ↓ to the list, Enter chooses</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="71" />
        <source>「{0}」の手続だけ</source>
        <translation>Only procedures of {0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="72" />
        <source>この届出の手続だけ</source>
        <translation>Only procedures of this event</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="77" />
        <source>追加　［Enter］</source>
        <translation>Add  [Enter]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="78" />
        <source>やめる　［Esc］</source>
        <translation>Cancel  [Esc]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="122" />
        <location filename="../../kakanai/ui/add_procedure.py" line="175" />
        <source>対象の方（Space で選ぶ・外す、Enter で追加）</source>
        <translation>For whom (Space ticks or unticks, Enter adds)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="166" />
        <source>見つかりません（「この届出の手続だけ」を外すと、ほかの届出の手続も探せます）</source>
        <translation>Nothing found (untick “only this event” to search the other events’ procedures too)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="173" />
        <source>対象の方（手続を選ぶと選べます）</source>
        <translation>For whom (choose a procedure first)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="176" />
        <source>対象: 世帯（特定の方を選ぶ手続ではありません）</source>
        <translation>For: the household (not a procedure for chosen people)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="200" />
        <location filename="../../kakanai/ui/add_procedure.py" line="213" />
        <source>「{0}」の対象の方を選んでください</source>
        <translation>Choose whom {0} is for</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="208" />
        <source>追加する手続を選んでください</source>
        <translation>Choose a procedure to add</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="70" />
        <source>監督者用のパスワードがまだ設定されていません。
情報システム担当に、次のコマンドの実行を依頼してください。

    kakanai supervisor set-password</source>
        <translation>No supervisor password is set yet.
Ask IT to run this command:

    kakanai supervisor set-password</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="179" />
        <source>集計の保存先</source>
        <translation>Save the figures as</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="47" />
        <source>転入</source>
        <translation>Move in</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="47" />
        <source>転出</source>
        <translation>Move out</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="48" />
        <source>転居</source>
        <translation>Move within</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="48" />
        <source>出生</source>
        <translation>Birth</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="49" />
        <source>死亡</source>
        <translation>Death</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="49" />
        <source>婚姻</source>
        <translation>Marriage</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="50" />
        <source>全体</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="51" />
        <source>データベースに接続できません。しばらくしてから［更新］を押してください</source>
        <translation>Cannot reach the database. Press [Refresh] again in a while</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="100" />
        <source>{0}（該当なし）</source>
        <translation>{0} (none)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="234" />
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="239" />
        <source>{0}件</source>
        <translation>{0} visits</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="249" />
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="258" />
        <source>平均</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="249" />
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="258" />
        <source>90%</source>
        <translation>90%</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="262" />
        <source>来庁件数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="262" />
        <source>平均処理時間</source>
        <translation>Mean handling time</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="263" />
        <source>処理時間 中央値</source>
        <translation>Median handling time</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="263" />
        <source>処理時間 90%値</source>
        <translation>90th percentile</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="264" />
        <source>目標時間を超えた割合</source>
        <translation>Over the target</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="265" />
        <source>1件あたり様式</source>
        <translation>Forms per visit</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="265" />
        <source>平均待ち時間</source>
        <translation>Mean wait</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="266" />
        <source>取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="267" />
        <source>除外（時間が不正確）</source>
        <translation>Left out (time not exact)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="268" />
        <source>手書きより短縮</source>
        <translation>Saved vs. handwriting</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="274" />
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="361" />
        <source>{0}分</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="281" />
        <source>{0}%（{1}分超）</source>
        <translation>{0}% (over {1} min)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="287" />
        <source>{0}枚</source>
        <translation>{0} sheets</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="289" />
        <source>{0}時間</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="300" />
        <source>前の期間</source>
        <translation>Period before:</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="302" />
        <source>準備中</source>
        <translation>being prepared</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="326" />
        <source>区分</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="326" />
        <source>件数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="326" />
        <source>平均(分)</source>
        <translation>Mean (min)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="326" />
        <source>中央値(分)</source>
        <translation>Median (min)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="326" />
        <source>90%(分)</source>
        <translation>90% (min)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="330" />
        <source>目標超過(%)</source>
        <translation>Over target (%)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="360" />
        <source>{0}時間{1}分</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="371" />
        <source>いま対応中の窓口</source>
        <translation>Counters serving now</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="373" />
        <source>窓口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="373" />
        <source>届出</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="373" />
        <source>開始</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="373" />
        <source>経過</source>
        <translation>Elapsed</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="381" />
        <source>10秒ごとに更新</source>
        <translation>Updated every 10 s</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="401" />
        <source>いま対応中の窓口　{0}件</source>
        <translation>Counters serving now  {0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard_widgets.py" line="402" />
        <source>10秒ごとに更新（{0}）
赤: 目標時間を超えて対応中</source>
        <translation>Updated every 10 s ({0})
Red: serving longer than the target</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="206" />
        <source>kakanai 監督者ダッシュボード</source>
        <translation>kakanai supervisor dashboard</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="235" />
        <source>集計の準備中…</source>
        <translation>Preparing the figures…</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="243" />
        <location filename="../../kakanai/ui/dashboard.py" line="245" />
        <location filename="../../kakanai/ui/dashboard.py" line="361" />
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="248" />
        <source>更新 [F5]</source>
        <translation>Refresh [F5]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="249" />
        <source>CSV 出力</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="249" />
        <source>Excel 出力</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="251" />
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="251" />
        <source>庁舎</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="252" />
        <source>窓口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="252" />
        <source>届出</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="273" />
        <source>グラフ</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="274" />
        <source>窓口別</source>
        <translation>By counter</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="274" />
        <source>職員別（仮名）</source>
        <translation>By clerk (pseudonyms)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="274" />
        <source>手続別</source>
        <translation>By procedure</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="282" />
        <source>手続ごとの時間は、来庁1件の処理時間をその来庁の手続の数で等分したものです（来庁の目標時間とは比べません）</source>
        <translation>A procedure's time is its visit's handling time shared equally among the visit's procedures (not compared with the visit target)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="294" />
        <source>分</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="296" />
        <source>時間帯別の処理時間</source>
        <translation>Handling time by hour</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="296" />
        <source>開始時刻（時台）と件数</source>
        <translation>Hour started, and visits</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="297" />
        <source>届出別の処理時間</source>
        <translation>Handling time by event</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="297" />
        <source>届出と件数</source>
        <translation>Event, and visits</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="298" />
        <source>日ごとの処理時間</source>
        <translation>Handling time by day</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="299" />
        <source>処理時間の分布</source>
        <translation>Distribution of handling times</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="299" />
        <location filename="../../kakanai/ui/dashboard.py" line="410" />
        <source>件数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="372" />
        <source>期間の開始日が終了日より後になっています</source>
        <translation>The period starts after it ends</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="377" />
        <source>集計中…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="405" />
        <source>平均</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="406" />
        <source>中央値</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="408" />
        <source>処理時間（分）　右端の棒は{0}分以上</source>
        <translation>Handling time (min)  last bar: {0} min or more</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="412" />
        <source>　前の期間 {0}〜{1}</source>
        <translation>  period before {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="414" />
        <source>最終更新 {0}　目標 {1}分{2}　時間が不正確な来庁（日付をまたいだ・強制終了）は時間の集計から除いています</source>
        <translation>Updated {0}  target {1} min{2}  visits without an exact time (past midnight, force-ended) are left out of times</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="492" />
        <source>保存しました: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="498" />
        <source>保存できませんでした: {0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="505" />
        <source>集計を準備しています（あと{0}日分）。しばらくお待ちください</source>
        <translation>Preparing the figures ({0} days to go). Please wait</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="508" />
        <source>集計できませんでした（{0}）。情報システム担当に連絡してください</source>
        <translation>Could not count the figures ({0}). Please call IT</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="36" />
        <source>氏</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="36" />
        <source>名</source>
        <translation>Given</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="37" />
        <source>フリガナ（氏）</source>
        <translation>Kana (family)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="38" />
        <source>フリガナ（名）</source>
        <translation>Kana (given)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="39" />
        <source>生年月日</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="39" />
        <source>性別</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="40" />
        <source>続柄</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="40" />
        <source>健康保険</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="41" />
        <source>マイナカード</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="94" />
        <source>手続</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="94" />
        <source>対象</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="94" />
        <source>窓口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="94" />
        <source>理由</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="101" />
        <source>手続を追加…　［Insert］</source>
        <translation>Add a procedure…  [Insert]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="119" />
        <source>世帯員（直すときはセルを選んで F2 またはダブルクリック）</source>
        <translation>Household members (to correct: select a cell, F2 or double-click)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="121" />
        <source>手続（チェックを外すと今回は行いません）</source>
        <translation>Procedures (untick to skip today)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="124" />
        <source>ほかの手続は検索して追加できます（窓口ごとに表示）</source>
        <translation>Other procedures: search and add them (listed by counter)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="130" />
        <source>お持ちいただくもの</source>
        <translation>Please bring</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="137" />
        <source>世帯・手続　（F4 で確認へ）</source>
        <translation>Household &amp; procedures  (F4: review)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="185" />
        <source>特になし</source>
        <translation>Nothing</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="116" />
        <source>ここでQRコードを読み取ってください（スキャナーをかざす）</source>
        <translation>Scan the resident's QR code here</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="134" />
        <source>回答　［Enter］</source>
        <translation>Answer  [Enter]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="144" />
        <source>読取・聞き取り</source>
        <translation>Scan / interview</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="155" />
        <source>入力済み（Enter で直す）</source>
        <translation>Answered (Enter to change)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="164" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="175" />
        <source>必要な項目はすべてそろいました　→ ［F3］世帯・手続へ</source>
        <translation>Everything needed is known  → [F3] household &amp; procedures</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="207" />
        <source>{0}氏名（氏と名の間を空ける）</source>
        <translation>{0}full name (a space between family and given name)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="208" />
        <source>{0}フリガナ（氏と名の間を空ける）</source>
        <translation>{0}name in kana (a space between family and given name)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="210" />
        <source>例: 山田 太郎（空けずに Enter なら氏だけ）</source>
        <translation>e.g. 山田 太郎 (Enter with no space: the family name only)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="211" />
        <source>例: やまだ たろう（カタカナ・ひらがな）</source>
        <translation>e.g. やまだ たろう (katakana or hiragana)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="213" />
        <source>{0}（郵便番号を入れると町名まで入ります）</source>
        <translation>{0} (a postal code fills in the town)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="216" />
        <source>例: 090-0001 のあと、丁目・番地</source>
        <translation>e.g. 090-0001, then the block and number</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="219" />
        <source>　（残り {0}）</source>
        <translation>  ({0} to go)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="234" />
        <source>世帯外の方（別世帯の親族・代理人など）</source>
        <translation>Someone from outside the household (a relative living elsewhere, an agent …)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="257" />
        <source>QRコードはそのまま読み取れます。ない方は下の質問から聞き取ります</source>
        <translation>A QR code can be scanned right away; without one, interview with the question below</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="198" />
        <source>なければ空のまま Enter</source>
        <translation>if none, leave empty and press Enter</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../kakanai/ui/domain_text.py" line="144" />
        <source>日本語</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="57" />
        <source>QRコードではありません（住民の方のQRコードをもう一度読み取ってください）</source>
        <translation>This is not a QR code (scan the resident's QR code again)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="97" />
        <source>kakanai 書かない窓口</source>
        <translation>kakanai no-writing counter</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="146" />
        <source>F7  カード読取</source>
        <translation>F7  Read card</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="147" />
        <source>F8  中断・再開</source>
        <translation>F8  Suspend / resume</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="148" />
        <source>F9  取消</source>
        <translation>F9  Cancel visit</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="149" />
        <source>F10 集計（監督者）</source>
        <translation>F10 Figures (chief)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="230" />
        <source>カードを読み取っています…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="247" />
        <source>カードが置かれました（読み取るときは F7）</source>
        <translation>A card was placed (F7 to read it)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="292" />
        <source>受付待ち（QRコードを読み取るか、マイナンバーカードを置くと受付を始めます）</source>
        <translation>Waiting (scanning a QR code or placing a My Number card starts a visit)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="294" />
        <source>受付待ち（QRコードを読み取ると受付を始めます）</source>
        <translation>Waiting (scanning a QR code starts a visit)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="307" />
        <source>まだ入力されていない項目が {0} 件あります（F2）</source>
        <translation>{0} items still missing (F2)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="310" />
        <source>手続 {0} 件。様式とお手続き案内を印刷します。</source>
        <translation>{0} procedures. Prints the forms and the take-home sheet.</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="316" />
        <source>kakanai 書かない窓口　{0}　受付待ち</source>
        <translation>kakanai no-writing counter  {0}  waiting</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="319" />
        <source>　整理券 {0}</source>
        <translation>  ticket {0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="320" />
        <source>kakanai　{0}{1}　経過 {2}</source>
        <translation>kakanai  {0}{1}  elapsed {2}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="355" />
        <source>次の方</source>
        <translation>Next please</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="355" />
        <source>いまの方の受付を中断して、次の方を受け付けますか？
いまの方: {0}</source>
        <translation>Suspend this resident's visit and serve the next one?
This resident: {0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="383" />
        <source>{0}　{1}人　{2}</source>
        <translation>{0}, {1} people, {2}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="385" />
        <source>別の方のQRコード</source>
        <translation>Another resident's QR code?</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="386" />
        <source>いま受付中の方とは別のQRコードかもしれません。
いまの方: {0}
読み取った方: {1}

いまの方を中断して、読み取った方の受付を新しく始めますか？</source>
        <translation>This code may belong to someone else.
This resident: {0}
Code read: {1}

Suspend this visit and start a new one for the code read?</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="392" />
        <source>読み取ったQRコードは使いませんでした（いまの方の受付を続けます）</source>
        <translation>The code read was not used (this visit goes on)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="407" />
        <source>中断しました（F8 で選んで再開）</source>
        <translation>Suspended (F8 to pick and resume)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="419" />
        <source>取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="419" />
        <source>この方の受付を取り消しますか？（記録には「取消」と残ります）
{0}</source>
        <translation>Cancel this resident's visit? (the log keeps it as cancelled)
{0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="422" />
        <source>取り消しました</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="428" />
        <location filename="../../kakanai/ui/main_window.py" line="431" />
        <source>完了</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="428" />
        <source>まだ届出の内容がありません。受付をやめるときは「取消」（F9）です。</source>
        <translation>Nothing has been filed yet. To stop this visit, cancel it (F9).</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="431" />
        <source>まだ印刷していません。完了にしますか？
{0}</source>
        <translation>Nothing has been printed yet. Finish anyway?
{0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="435" />
        <source>完了しました（所要 {0}）</source>
        <translation>Finished (took {0})</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="447" />
        <source>手続をやめる理由</source>
        <translation>Why the procedure is dropped</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="447" />
        <source>この手続を今回行わない理由を選んでください。</source>
        <translation>Choose why this procedure is not done today.</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="466" />
        <source>{0}人目</source>
        <translation>person {0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="535" />
        <source>{0}: 「{1}」が空欄です</source>
        <translation>{0}: "{1}" is empty</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="545" />
        <source>様式 {0} ページ（お手続き案内を含む）を印刷します。</source>
        <translation>Prints {0} pages (take-home sheet included).</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="553" />
        <source>まだ様式を作れません</source>
        <translation>The forms cannot be made yet</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="558" />
        <source>先に「確認」（F4）で様式を作ってください</source>
        <translation>Make the forms first with Review (F4)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="561" />
        <source>先に本人確認をして、確認した書類を選んでください</source>
        <translation>Check the resident's identity first and choose the document</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="565" />
        <source>使えるプリンターがありません（情報システム係に連絡してください）</source>
        <translation>No printer is available (call IT)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="568" />
        <source>外字</source>
        <translation>Characters that cannot be printed</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="568" />
        <source>印刷できない文字があります。このまま印刷しますか？（手書きで補ってください）</source>
        <translation>Some characters cannot be printed. Print anyway? (write them in by hand)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="576" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="576" />
        <source>この様式はもう印刷しました。もう一度すべて印刷しますか？
{0}</source>
        <translation>These forms were printed already. Print them all again?
{0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="612" />
        <source>前回の受付を復元できません</source>
        <translation>Earlier visits cannot be restored</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="613" />
        <source>前回の受付を復元できませんでした（情報システム係へ）</source>
        <translation>Earlier visits could not be restored (call IT)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="616" />
        <source>{0} 開始　{1}</source>
        <translation>started {0}  {1}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="620" />
        <source>前回の受付</source>
        <translation>Visit left open</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="620" />
        <source>前回、終了していない受付があります。再開しますか？
{0}
（いいえ: 記録を「中断終了」として閉じます）</source>
        <translation>A visit was left open. Resume it?
{0}
(No: it is closed in the log as ended by a suspension)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="96" />
        <source>監督者の確認</source>
        <translation>Supervisor check</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="102" />
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="103" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="108" />
        <source>ダッシュボードを開くには、監督者のパスワードを入力してください。</source>
        <translation>Type the supervisor password to open the dashboard.</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="117" />
        <source>{0}秒後にもう一度入力できます</source>
        <translation>You can try again in {0} s</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="128" />
        <source>確認中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="142" />
        <source>パスワードが違います（あと{0}回）</source>
        <translation>Wrong password ({0} tries left)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dashboard.py" line="148" />
        <source>確認できませんでした（{0}）</source>
        <translation>Could not check ({0})</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../kakanai/ui/card_dialog.py" line="18" />
        <source>カード読取</source>
        <translation>Read card</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/card_dialog.py" line="25" />
        <source>読み取る</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/card_dialog.py" line="26" />
        <source>やめる</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/card_dialog.py" line="30" />
        <source>カードをリーダーに置き、ご本人が暗証番号（数字4けた）を入力してください</source>
        <translation>Place the card on the reader; the resident types its PIN (4 digits)</translation>
    </message>
</context>
<context>
    <name>Presenters</name>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="92" />
        <source>世帯</source>
        <translation>Household</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="43" />
        <source>（確認した書類を選ぶ）</source>
        <translation>(choose the document checked)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="50" />
        <source>すべて印刷　［F5］</source>
        <translation>Print all  [F5]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="53" />
        <source>再試行　［F5］</source>
        <translation>Retry  [F5]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="56" />
        <source>完了　［F6］</source>
        <translation>Finish  [F6]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="59" />
        <source>印刷・署名</source>
        <translation>Print &amp; sign</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="62" />
        <source>本人確認（選んで Enter で印刷・種類だけを記録）</source>
        <translation>Identity check (choose, Enter prints; only its kind is kept)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="66" />
        <source>プリンター</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="73" />
        <source>署名をいただいたら「完了」を押してください。</source>
        <translation>Press Finish once the forms are signed.</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/printing.py" line="30" />
        <source>PDFファイルに保存</source>
        <translation>Save as a PDF file</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <location filename="../../kakanai/ui/domain_text.py" line="41" />
        <source>世帯員{0}</source>
        <translation>member {0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/domain_text.py" line="54" />
        <location filename="../../kakanai/ui/domain_text.py" line="64" />
        <source>{0}さんの{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/domain_text.py" line="73" />
        <source>{0}さんの</source>
        <translation>{0}: </translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="30" />
        <source>例: 令和8年4月1日 / R8.4.1 / 5080401 / 2026-04-01</source>
        <translation>e.g. 令和8年4月1日 / R8.4.1 / 5080401 / 2026-04-01</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="31" />
        <source>カタカナ（ひらがなでも可）</source>
        <translation>katakana (hiragana also taken)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="32" />
        <source>例: 090-0001</source>
        <translation>e.g. 090-0001</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="32" />
        <source>例: 090-1234-5678</source>
        <translation>e.g. 090-1234-5678</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="33" />
        <source>数字</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>届出の種類</source>
        <translation>Kind of notification</translation>
    </message>
    <message>
        <source>異動日</source>
        <translation>Date of the change</translation>
    </message>
    <message>
        <source>届出の対象になる人数</source>
        <translation>Number of people notified</translation>
    </message>
    <message>
        <source>世帯全員の異動か（残る方がいれば「いいえ」で、残る方も人数に含めます）</source>
        <translation>Does the whole household move? (if someone stays, answer No and count them too)</translation>
    </message>
    <message>
        <source>新しい住所の郵便番号</source>
        <translation>Postal code of the new address</translation>
    </message>
    <message>
        <source>新しい住所</source>
        <translation>New address</translation>
    </message>
    <message>
        <source>新しい住所の方書（建物名・部屋番号）</source>
        <translation>Building and room of the new address</translation>
    </message>
    <message>
        <source>前の住所の郵便番号</source>
        <translation>Postal code of the previous address</translation>
    </message>
    <message>
        <source>前の住所</source>
        <translation>Previous address</translation>
    </message>
    <message>
        <source>前の住所の方書</source>
        <translation>Building and room of the previous address</translation>
    </message>
    <message>
        <source>届出人（窓口に来た方）</source>
        <translation>Notifier (the person at the counter)</translation>
    </message>
    <message>
        <source>届出人（世帯外の方）の氏</source>
        <translation>Notifier (from outside the household): family name</translation>
    </message>
    <message>
        <source>届出人（世帯外の方）の</source>
        <translation>Notifier (from outside the household): </translation>
    </message>
    <message>
        <source>届出人（世帯外の方）の名</source>
        <translation>Notifier (from outside the household): given name</translation>
    </message>
    <message>
        <source>届出人（世帯外の方）の氏のフリガナ</source>
        <translation>Notifier (from outside the household): family name in kana</translation>
    </message>
    <message>
        <source>届出人（世帯外の方）の名のフリガナ</source>
        <translation>Notifier (from outside the household): given name in kana</translation>
    </message>
    <message>
        <source>届出人と届出の方との関係（長男・知人 など）</source>
        <translation>Notifier's relation to the people notified (eldest son, acquaintance …)</translation>
    </message>
    <message>
        <source>届出人（世帯外の方）の住所</source>
        <translation>Notifier (from outside the household): address</translation>
    </message>
    <message>
        <source>届出人（世帯外の方）の電話番号</source>
        <translation>Notifier (from outside the household): phone number</translation>
    </message>
    <message>
        <source>前の住所での世帯主</source>
        <translation>Head of household at the previous address</translation>
    </message>
    <message>
        <source>連絡先の電話番号</source>
        <translation>Contact phone number</translation>
    </message>
    <message>
        <source>飼っている犬の数</source>
        <translation>Number of dogs kept</translation>
    </message>
    <message>
        <source>原付（125cc以下のバイク）の台数</source>
        <translation>Number of mopeds (125 cc or less)</translation>
    </message>
    <message>
        <source>新しい世帯主（届出人に伺ってください）</source>
        <translation>New head of household (ask the notifier)</translation>
    </message>
    <message>
        <source>死亡した時刻（24時間で 14:30 など）</source>
        <translation>Time of death (24-hour, e.g. 14:30)</translation>
    </message>
    <message>
        <source>死亡したところ（病院名・住所）</source>
        <translation>Place of death (hospital or address)</translation>
    </message>
    <message>
        <source>葬儀（葬祭）を行った日</source>
        <translation>Date of the funeral</translation>
    </message>
    <message>
        <source>婚姻後の夫婦の氏（どちらの氏にするか）</source>
        <translation>Surname the couple takes after marriage</translation>
    </message>
    <message>
        <source>婚姻後の新しい本籍</source>
        <translation>New registered domicile after marriage</translation>
    </message>
    <message>
        <source>同居を始めた日</source>
        <translation>Date they began living together</translation>
    </message>
    <message>
        <source>児童手当の請求者（父母のうち所得の高い方）</source>
        <translation>Child allowance claimant (the parent with the higher income)</translation>
    </message>
    <message>
        <source>生まれた子の父の氏名（世帯にいない方。父がいなければ空欄）</source>
        <translation>Name of the child's father (not in the household; empty if none)</translation>
    </message>
    <message>
        <source>生まれた子の母の氏名（世帯にいない方）</source>
        <translation>Name of the child's mother (not in the household)</translation>
    </message>
    <message>
        <source>氏</source>
        <translation>family name</translation>
    </message>
    <message>
        <source>名</source>
        <translation>given name</translation>
    </message>
    <message>
        <source>氏のフリガナ</source>
        <translation>family name in kana</translation>
    </message>
    <message>
        <source>名のフリガナ</source>
        <translation>given name in kana</translation>
    </message>
    <message>
        <source>生年月日</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>sex</translation>
    </message>
    <message>
        <source>続柄（世帯主・妻・子 など）</source>
        <translation>relation to the head, as the register writes it: 世帯主, 妻, 子 …</translation>
    </message>
    <message>
        <source>この方も異動するか（世帯に残る方は「いいえ」）</source>
        <translation>moves too? (No for someone who stays)</translation>
    </message>
    <message>
        <source>今の健康保険</source>
        <translation>health insurance now</translation>
    </message>
    <message>
        <source>マイナンバーカードを持っているか</source>
        <translation>has a My Number card?</translation>
    </message>
    <message>
        <source>要介護・要支援の認定を受けているか</source>
        <translation>certified as needing care or support?</translation>
    </message>
    <message>
        <source>印鑑登録をするか</source>
        <translation>registers a personal seal?</translation>
    </message>
    <message>
        <source>勤め先の健康保険で本人か家族（被扶養者）か</source>
        <translation>employee insurance: insured person or dependent?</translation>
    </message>
    <message>
        <source>生まれた時刻（24時間で 3:15 など）</source>
        <translation>time of birth (24-hour, e.g. 3:15)</translation>
    </message>
    <message>
        <source>生まれたところ（病院名・住所）</source>
        <translation>place of birth (hospital or address)</translation>
    </message>
    <message>
        <source>父の氏名（戸籍のとおり。亡くなった方も。いなければ空欄）</source>
        <translation>father's name (as in the family register; also one who has died; empty: none)</translation>
    </message>
    <message>
        <source>母の氏名（戸籍のとおり。亡くなった方も。いなければ空欄）</source>
        <translation>mother's name (as in the family register; also one who has died; empty: none)</translation>
    </message>
    <message>
        <source>父母との続柄：同じ父母の子のうち同じ性別で何番目か（長男・長女は1、二男・二女は2）</source>
        <translation>order among the same parents' children of the same sex (1 for the eldest son/daughter)</translation>
    </message>
    <message>
        <source>年金を受けていたか（老齢・障害・遺族年金の受給者か）</source>
        <translation>received a pension (old-age, disability or survivors')?</translation>
    </message>
    <message>
        <source>児童手当を受け取っているか</source>
        <translation>receives child allowance?</translation>
    </message>
    <message>
        <source>児童扶養手当を受けているか</source>
        <translation>receives child-rearing allowance?</translation>
    </message>
    <message>
        <source>この市で印鑑登録をしているか</source>
        <translation>has a seal registered in this city?</translation>
    </message>
    <message>
        <source>高額療養費の支給の対象か（お知らせが届いているか）</source>
        <translation>eligible for high-cost medical expense benefits (notice received)?</translation>
    </message>
    <message>
        <source>加入する健康保険（親の勤め先の健康保険の扶養に入るなら被用者保険）</source>
        <translation>health insurance the child joins (employee insurance if it becomes a parent's dependent)</translation>
    </message>
    <message>
        <source>転入日</source>
        <translation>Date of moving in</translation>
    </message>
    <message>
        <source>転出予定日</source>
        <translation>Planned date of moving out</translation>
    </message>
    <message>
        <source>転居日</source>
        <translation>Date of moving</translation>
    </message>
    <message>
        <source>出生日</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>死亡日</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>婚姻日</source>
        <translation>Date of marriage</translation>
    </message>
    <message>
        <source>届出に必要な基本事項</source>
        <translation>basic facts of the notification</translation>
    </message>
    <message>
        <source>「{title}」に記入するため</source>
        <translation>to fill in "{title}"</translation>
    </message>
    <message>
        <source>「{title}」が必要か判断するため</source>
        <translation>to decide whether "{title}" is needed</translation>
    </message>
    <message>
        <source>変更する</source>
        <translation>to change it</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../kakanai/ui/domain_text.py" line="91" />
        <location filename="../../kakanai/ui/presenters.py" line="91" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/domain_text.py" line="94" />
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>職員が追加</source>
        <translation>added by the clerk</translation>
    </message>
    <message>
        <source>{0}歳</source>
        <translation>{0} years old</translation>
    </message>
    <message>
        <source>{0}歳（誕生日の前日に到達）</source>
        <translation>{0} years old (reached the day before the birthday)</translation>
    </message>
    <message>
        <source>{0}歳（{1}歳の誕生日は{2}）</source>
        <translation>{0} years old (turns {1} on {2})</translation>
    </message>
    <message>
        <source>{0}歳の誕生日（{1}）を迎えて{0}歳</source>
        <translation>turned {0} on the birthday ({1})</translation>
    </message>
    <message>
        <source>来庁日に{0}歳</source>
        <translation>{0} years old on the day of the visit</translation>
    </message>
    <message>
        <source>75歳の誕生日（{0}）から後期高齢者医療</source>
        <translation>late-stage elderly medical care from the 75th birthday ({0})</translation>
    </message>
    <message>
        <source>75歳の誕生日（{0}）から後期高齢者医療の対象</source>
        <translation>covered by late-stage elderly medical care from the 75th birthday ({0})</translation>
    </message>
    <message>
        <source>未就学</source>
        <translation>not yet at school</translation>
    </message>
    <message>
        <source>未就学（{0}歳）</source>
        <translation>not yet at school ({0} years old)</translation>
    </message>
    <message>
        <source>小学{0}年生</source>
        <translation>elementary school, year {0}</translation>
    </message>
    <message>
        <source>中学{0}年生</source>
        <translation>junior high school, year {0}</translation>
    </message>
    <message>
        <source>高校{0}年生相当</source>
        <translation>high school age, year {0}</translation>
    </message>
    <message>
        <source>高校卒業後</source>
        <translation>past high school age</translation>
    </message>
    <message>
        <source>高校卒業後（{0}歳）</source>
        <translation>past high school age ({0} years old)</translation>
    </message>
    <message>
        <source>小学生</source>
        <translation>elementary school age</translation>
    </message>
    <message>
        <source>中学生</source>
        <translation>junior high school age</translation>
    </message>
    <message>
        <source>高校生相当</source>
        <translation>high school age</translation>
    </message>
    <message>
        <source>国民健康保険に加入中</source>
        <translation>in National Health Insurance</translation>
    </message>
    <message>
        <source>被用者保険（社会保険）に加入中</source>
        <translation>in employee health insurance</translation>
    </message>
    <message>
        <source>後期高齢者医療に加入中</source>
        <translation>in late-stage elderly medical care</translation>
    </message>
    <message>
        <source>生活保護を受給中</source>
        <translation>receives public assistance</translation>
    </message>
    <message>
        <source>健康保険に未加入</source>
        <translation>in no health insurance</translation>
    </message>
    <message>
        <source>国民健康保険に加入</source>
        <translation>joins National Health Insurance</translation>
    </message>
    <message>
        <source>勤め先の健康保険の被扶養者に</source>
        <translation>becomes a dependent in a parent's employee health insurance</translation>
    </message>
    <message>
        <source>生活保護（医療扶助）</source>
        <translation>public assistance (medical aid)</translation>
    </message>
    <message>
        <source>被用者保険の被保険者（本人）</source>
        <translation>insured person in employee health insurance</translation>
    </message>
    <message>
        <source>被用者保険の被扶養者（家族）</source>
        <translation>dependent in employee health insurance</translation>
    </message>
    <message>
        <source>国民年金の第1号被保険者</source>
        <translation>National Pension, category 1 insured</translation>
    </message>
    <message>
        <source>国民年金の第2号被保険者</source>
        <translation>National Pension, category 2 insured</translation>
    </message>
    <message>
        <source>国民年金の第3号被保険者</source>
        <translation>National Pension, category 3 insured</translation>
    </message>
    <message>
        <source>国民年金の被保険者でない</source>
        <translation>not insured in the National Pension</translation>
    </message>
    <message>
        <source>男性</source>
        <translation>male</translation>
    </message>
    <message>
        <source>女性</source>
        <translation>female</translation>
    </message>
    <message>
        <source>夫の氏を称する</source>
        <translation>takes the husband's surname</translation>
    </message>
    <message>
        <source>妻の氏を称する</source>
        <translation>takes the wife's surname</translation>
    </message>
    <message>
        <source>外国籍の方との婚姻（氏は変わりません）</source>
        <translation>marriage with a foreign national (surnames do not change)</translation>
    </message>
    <message>
        <source>保育所等に在園中</source>
        <translation>at a nursery</translation>
    </message>
    <message>
        <source>幼稚園に在園中</source>
        <translation>at a kindergarten</translation>
    </message>
    <message>
        <source>続柄 {0}</source>
        <translation>relation {0}</translation>
    </message>
    <message>
        <source>犬 {0}頭</source>
        <translation>{0} dog(s)</translation>
    </message>
    <message>
        <source>原付 {0}台</source>
        <translation>{0} moped(s)</translation>
    </message>
    <message>
        <source>{0}人の世帯</source>
        <translation>household of {0}</translation>
    </message>
    <message>
        <source>残る15歳以上の世帯員 {0}人</source>
        <translation>{0} member(s) aged 15 or over remain</translation>
    </message>
    <message>
        <source>同じ都道府県（{0}）内からの転入</source>
        <translation>moved in from within the same prefecture ({0})</translation>
    </message>
    <message>
        <source>他の都道府県からの転入</source>
        <translation>moved in from another prefecture</translation>
    </message>
    <message>
        <source>同じ都道府県（{0}）内への転出</source>
        <translation>moves out within the same prefecture ({0})</translation>
    </message>
    <message>
        <source>他の都道府県への転出</source>
        <translation>moves out to another prefecture</translation>
    </message>
    <message>
        <source>マイナンバーカードあり</source>
        <translation>has a My Number card</translation>
    </message>
    <message>
        <source>マイナンバーカードなし</source>
        <translation>has no My Number card</translation>
    </message>
    <message>
        <source>要介護・要支援の認定あり</source>
        <translation>certified as needing care or support</translation>
    </message>
    <message>
        <source>要介護・要支援の認定なし</source>
        <translation>not certified as needing care</translation>
    </message>
    <message>
        <source>外国籍</source>
        <translation>foreign national</translation>
    </message>
    <message>
        <source>日本国籍</source>
        <translation>Japanese national</translation>
    </message>
    <message>
        <source>印鑑登録を希望</source>
        <translation>wants to register a seal</translation>
    </message>
    <message>
        <source>印鑑登録の希望なし</source>
        <translation>does not want to register a seal</translation>
    </message>
    <message>
        <source>世帯主</source>
        <translation>head of household</translation>
    </message>
    <message>
        <source>世帯主以外</source>
        <translation>not the head of household</translation>
    </message>
    <message>
        <source>国外からの転入</source>
        <translation>moved in from abroad</translation>
    </message>
    <message>
        <source>国外への転出</source>
        <translation>moves abroad</translation>
    </message>
    <message>
        <source>代理人による届出</source>
        <translation>filed by an agent</translation>
    </message>
    <message>
        <source>後期高齢者医療の障害認定あり</source>
        <translation>disability certified for late-stage elderly medical care</translation>
    </message>
    <message>
        <source>障害認定なし</source>
        <translation>no disability certification</translation>
    </message>
    <message>
        <source>公務員</source>
        <translation>civil servant</translation>
    </message>
    <message>
        <source>公務員以外</source>
        <translation>not a civil servant</translation>
    </message>
    <message>
        <source>年金を受給中</source>
        <translation>receives a pension</translation>
    </message>
    <message>
        <source>年金は受けていない</source>
        <translation>receives no pension</translation>
    </message>
    <message>
        <source>請求者が公務員（勤務先で請求）</source>
        <translation>the claimant is a civil servant (claims at the workplace)</translation>
    </message>
    <message>
        <source>児童手当を受給中</source>
        <translation>receives child allowance</translation>
    </message>
    <message>
        <source>児童扶養手当を受給中</source>
        <translation>receives child-rearing allowance</translation>
    </message>
    <message>
        <source>ひとり親家庭（児童扶養手当を受給中）</source>
        <translation>single-parent household (receives child-rearing allowance)</translation>
    </message>
    <message>
        <source>ひとり親</source>
        <translation>single parent</translation>
    </message>
    <message>
        <source>亡くなった方の子</source>
        <translation>a child of the deceased</translation>
    </message>
    <message>
        <source>亡くなった方の配偶者</source>
        <translation>the spouse of the deceased</translation>
    </message>
    <message>
        <source>印鑑登録あり</source>
        <translation>has a registered seal</translation>
    </message>
    <message>
        <source>高額療養費の支給対象</source>
        <translation>eligible for high-cost medical expense benefits</translation>
    </message>
    <message>
        <source>婚姻で氏が変わる</source>
        <translation>surname changes by the marriage</translation>
    </message>
    <message>
        <source>親の婚姻前の氏のまま</source>
        <translation>keeps the parent's surname from before the marriage</translation>
    </message>
    <message>
        <source>特別永住者</source>
        <translation>special permanent resident</translation>
    </message>
    <message>
        <source>国外で出生</source>
        <translation>born abroad</translation>
    </message>
    <message>
        <source>障害者手帳あり</source>
        <translation>holds a disability certificate</translation>
    </message>
    <message>
        <source>届出: 転入</source>
        <translation>notification: moving in</translation>
    </message>
    <message>
        <source>届出: 転出</source>
        <translation>notification: moving out</translation>
    </message>
    <message>
        <source>届出: 転居</source>
        <translation>notification: moving within the city</translation>
    </message>
    <message>
        <source>届出: 出生</source>
        <translation>notification: birth</translation>
    </message>
    <message>
        <source>届出: 死亡</source>
        <translation>notification: death</translation>
    </message>
    <message>
        <source>届出: 婚姻</source>
        <translation>notification: marriage</translation>
    </message>
</context>
<context>
    <name>Resident</name>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="144" />
        <source>（未入力）</source>
        <translation>(not yet entered)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="147" />
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="148" />
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="149" />
        <source>届出</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="150" />
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="150" />
        <source>{0}人</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="151" />
        <source>整理券</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="151" />
        <source>なし</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="152" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="171" />
        <source>世帯主が{0}人になっています。続柄で世帯主を1人にしてください</source>
        <translation>{0} heads of household. Set the relation so that exactly one is 世帯主 (head)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="175" />
        <source>{0}: 対象の方が選ばれていません（世帯・手続で追加し直してください）</source>
        <translation>{0}: no one is chosen for it (add it again under household &amp; procedures)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="197" />
        <source>{0}（{1}）は{2}日先です。予定日に間違いがないか伺ってください（{3}日より先の転出届は受け付けない市もあります）</source>
        <translation>{0} ({1}) is {2} days ahead. Ask whether the planned day is right (some cities take no moving-out notification more than {3} days ahead)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="201" />
        <source>{0}（{1}）が来庁日より{2}日後になっています。日付を確かめてください</source>
        <translation>{0} ({1}) is {2} days after the day of the visit. Check the date</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="210" />
        <source>世帯主変更届: 新世帯主が決まっていません（届出人に伺ってください）</source>
        <translation>Change of head: the new head is not decided (ask the notifier)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="212" />
        <source>世帯主変更届: 新世帯主は {0}さん（{1}）です（届出人が指名）</source>
        <translation>Change of head: the new head is {0} ({1}), named by the notifier</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="214" />
        <source>世帯主変更届: 新世帯主は {0}さん（{1}）です。違うときは続柄を直してください</source>
        <translation>Change of head: the new head is {0} ({1}). If not, correct the relation</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="226" />
        <source>{0}: 期限（{1}、{2}まで）を過ぎています。遅れた理由を伺ってください</source>
        <translation>{0}: the deadline ({1}, until {2}) has passed. Ask why it is late</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="234" />
        <source>{0}が未入力です</source>
        <translation>{0} is missing</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="252" />
        <source>{0}さん</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="253" />
        <source>届出の内容</source>
        <translation>The notification</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="262" />
        <source>{0}ページ　{1}　✍ {2}</source>
        <translation>page {0}  {1}  ✍ {2}</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/presenters.py" line="267" />
        <source>{0}ページ　お手続きのご案内（お持ち帰り用）</source>
        <translation>page {0}  procedures guide (for the resident to take home)</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="120" />
        <source>（確認した書類を選ぶ）</source>
        <translation>(choose the document checked)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="133" />
        <source>確認　（F5 で印刷へ）</source>
        <translation>Review  (F5: print)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="135" />
        <source>直すところ（Enter でその項目へ）</source>
        <translation>To fix (Enter jumps there)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="137" />
        <source>様式（Enter でそのページへ・✍ は署名欄）</source>
        <translation>Forms (Enter shows the page; ✍ marks a signature)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="140" />
        <source>本人確認</source>
        <translation>Identity check</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="143" />
        <source>確認した書類を選んで Enter で印刷します（書類の種類だけを記録）</source>
        <translation>Choose the document checked and press Enter to print (only its kind is recorded)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="147" />
        <source>縮小 [Ctrl -]</source>
        <translation>Zoom out [Ctrl -]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="147" />
        <source>拡大 [Ctrl +]</source>
        <translation>Zoom in [Ctrl +]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="184" />
        <source>幅に合わせる</source>
        <translation>fit to width</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="185" />
        <source>{0}/{1}ページ　{2}　（Home/End・Ctrl +/-）</source>
        <translation>page {0}/{1}  {2}  (Home/End, Ctrl +/-)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="190" />
        <source>様式を作成しています…</source>
        <translation>Making the forms…</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="213" />
        <source>様式 {0} ページ</source>
        <translation>{0} form pages</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="231" />
        <source>問題はありません</source>
        <translation>No problems</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="31" />
        <source>受付</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="32" />
        <source>整理券番号（任意）</source>
        <translation>Ticket number (optional)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="34" />
        <source>次の方　［F1］</source>
        <translation>Next please  [F1]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="42" />
        <source>デモ：窓口で待っている方（Enter でQRを読み取り）</source>
        <translation>Demo: residents waiting (Enter scans their QR)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="50" />
        <source>QRコードを読み取ると、そのまま受付を始めます</source>
        <translation>Scanning a QR code starts the visit</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="52" />
        <source>中断中の方（F8 で選び、Enter で再開）</source>
        <translation>Suspended visits (F8 to pick, Enter resumes)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="75" />
        <source>{0}　（{1} 開始・{2}で中断）</source>
        <translation>{0}  (started {1}, suspended at {2})</translation>
    </message>
</context>
<context>
    <name>VisitController</name>
    <message>
        <location filename="../../kakanai/ui/visit_controller.py" line="171" />
        <source>読み取りました: {0}　{1}人</source>
        <translation>Read: {0}, {1} people</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/visit_controller.py" line="248" />
        <source>カード読取は使わない設定になっています（情報システム係）</source>
        <translation>Card reading is turned off in the settings (IT section)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/visit_controller.py" line="262" />
        <source>読み取りの間に受付が変わったため、カードの内容は使いませんでした。もう一度読み取ってください</source>
        <translation>The visit changed while the card was read, so its contents were not used. Read it again</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/visit_controller.py" line="271" />
        <source>カードを読み取りました: {0}　{1}（本人確認済み）</source>
        <translation>Card read: {0} {1} (identity checked)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/visit_controller.py" line="291" />
        <source>カードを読み取れませんでした。置き直してもう一度読み取ってください</source>
        <translation>Could not read the card. Place it again and read it once more</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/visit_controller.py" line="347" />
        <source>様式を作れませんでした（予期しないエラー: {0}）。もう一度「確認」（F4）を押し、直らなければ情報システム係へ連絡してください</source>
        <translation>Could not make the forms (unexpected error: {0}). Press Review (F4) again; if that does not help, call IT</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../kakanai/ui/dialogs.py" line="18" />
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/dialogs.py" line="19" />
        <source>いいえ</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>世帯外の方</source>
        <translation>Someone from outside</translation>
    </message>
    <message>
        <source>転入</source>
        <translation>moving in</translation>
    </message>
    <message>
        <source>転出</source>
        <translation>moving out</translation>
    </message>
    <message>
        <source>転居</source>
        <translation>moving within the city</translation>
    </message>
    <message>
        <source>出生</source>
        <translation>birth</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>death</translation>
    </message>
    <message>
        <source>婚姻</source>
        <translation>marriage</translation>
    </message>
    <message>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <source>国民健康保険</source>
        <translation>National Health Insurance</translation>
    </message>
    <message>
        <source>被用者保険（社会保険）</source>
        <translation>employee health insurance</translation>
    </message>
    <message>
        <source>後期高齢者医療</source>
        <translation>late-stage elderly medical care</translation>
    </message>
    <message>
        <source>生活保護</source>
        <translation>public assistance</translation>
    </message>
    <message>
        <source>加入なし</source>
        <translation>none</translation>
    </message>
    <message>
        <source>被保険者（本人）</source>
        <translation>insured person (themselves)</translation>
    </message>
    <message>
        <source>被扶養者（家族）</source>
        <translation>dependent (family)</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>用紙がありません。用紙を補給してください</source>
        <translation>Out of paper. Load paper</translation>
    </message>
    <message>
        <source>紙が詰まっています。詰まった紙を取り除いてください</source>
        <translation>Paper jam. Remove the jammed paper</translation>
    </message>
    <message>
        <source>プリンターの電源・ケーブルを確認してください（オフライン）</source>
        <translation>Check the printer's power and cable (offline)</translation>
    </message>
    <message>
        <source>プリンターにつながりません。電源・ケーブルを確認してください</source>
        <translation>Cannot reach the printer. Check its power and cable</translation>
    </message>
    <message>
        <source>トナーがありません。トナーを交換してください</source>
        <translation>Out of toner. Replace the toner</translation>
    </message>
    <message>
        <source>インク・トナーがありません。交換してください</source>
        <translation>Out of ink or toner. Replace it</translation>
    </message>
    <message>
        <source>プリンターのカバーが開いています。閉じてください</source>
        <translation>The printer's cover is open. Close it</translation>
    </message>
    <message>
        <source>用紙トレイが入っていません。トレイを差し込んでください</source>
        <translation>The paper tray is missing. Insert it</translation>
    </message>
    <message>
        <source>排紙トレイがいっぱいです。印刷物を取り出してください</source>
        <translation>The output tray is full. Take the prints out</translation>
    </message>
    <message>
        <source>プリンターが止まっています。別のプリンターを選んで［再試行］、または情報システム係へ</source>
        <translation>The printer is paused. Choose another printer and Retry, or call IT</translation>
    </message>
    <message>
        <source>プリンターが停止中です（情報システム係へ）</source>
        <translation>The printer is stopped (call IT)</translation>
    </message>
    <message>
        <source>プリンターに送っています…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <source>プリンターが受け付けました。印刷を待っています</source>
        <translation>The printer accepted the job and is waiting to print</translation>
    </message>
    <message>
        <source>印刷中です（残り {count} 件）</source>
        <translation>Printing ({count} jobs to go)</translation>
    </message>
    <message>
        <source>印刷が終わりました。署名をお願いします</source>
        <translation>Printed. Please ask for signatures</translation>
    </message>
    <message>
        <source>プリンターに送りました。署名をお願いします</source>
        <translation>Sent to the printer. Please ask for signatures</translation>
    </message>
    <message>
        <source>保存しました（{where}）。署名をお願いします</source>
        <translation>Saved ({where}). Please ask for signatures</translation>
    </message>
    <message>
        <source>印刷が取り消されました。［再試行］で印刷し直してください</source>
        <translation>Printing was cancelled. Print again with Retry</translation>
    </message>
    <message>
        <source>{printer}: {alert}</source>
        <translation>{printer}: {alert}</translation>
    </message>
    <message>
        <source>{printer}: プリンターが止まっています。別のプリンターを選んで［再試行］、または情報システム係へ</source>
        <translation>{printer}: the printer is stopped. Choose another printer and Retry, or call IT</translation>
    </message>
    <message>
        <source>{printer}: 印刷待ちのまま進みません。プリンターを確認して［再試行］を押してください</source>
        <translation>{printer}: the job waits and does not move. Check the printer and press Retry</translation>
    </message>
    <message>
        <source>印刷できませんでした: {error}</source>
        <translation>Could not print: {error}</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>印刷の仕組み（CUPS）がありません（情報システム係へ）</source>
        <translation>There is no print system (CUPS) on this PC (call IT)</translation>
    </message>
    <message>
        <source>印刷の仕組みが応答しません。しばらく待って［再試行］を押してください</source>
        <translation>The print system does not answer. Wait a moment and press Retry</translation>
    </message>
    <message>
        <source>プリンターが受け付けを止めています。別のプリンターを選ぶか、情報システム係へ</source>
        <translation>The printer is not accepting jobs. Choose another printer, or call IT</translation>
    </message>
    <message>
        <source>そのプリンターは見つかりません。一覧から選び直してください</source>
        <translation>That printer is not found. Choose one from the list again</translation>
    </message>
    <message>
        <source>印刷の仕組み（CUPS）が動いていません（情報システム係へ）</source>
        <translation>The print system (CUPS) is not running (call IT)</translation>
    </message>
    <message>
        <source>プリンターが印刷を受け付けませんでした。［再試行］を押してください</source>
        <translation>The printer did not accept the job. Press Retry</translation>
    </message>
    <message>
        <source>PDFの保存先が設定されていません（設定 pdf_save_dir）</source>
        <translation>No folder to save PDFs is set (setting pdf_save_dir)</translation>
    </message>
    <message>
        <source>PDFを開けません</source>
        <translation>The PDF cannot be opened</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>受付</source>
        <translation>Reception</translation>
    </message>
    <message>
        <source>読取・聞き取り</source>
        <translation>Scan / interview</translation>
    </message>
    <message>
        <source>世帯・手続</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>確認</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>印刷・署名</source>
        <translation>Print &amp; sign</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>QRコードを読み取れませんでした</source>
        <translation>Could not read the QR code</translation>
    </message>
    <message>
        <source>入力内容に誤りがあります</source>
        <translation>The input has errors</translation>
    </message>
    <message>
        <source>入力を確認してください</source>
        <translation>Please check the input</translation>
    </message>
</context>
<context>
    <name>CardErrors</name>
    <message>
        <source>no_pcsc</source>
        <translation>This PC has no card reading system (PC/SC). Call IT</translation>
    </message>
    <message>
        <source>no_service</source>
        <translation>The smart card service is not running. Call IT</translation>
    </message>
    <message>
        <source>no_reader</source>
        <translation>No card reader is connected. Check the USB cable</translation>
    </message>
    <message>
        <source>reader_gone</source>
        <translation>The card reader was disconnected. Connect it again and read once more</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>The card was taken away while reading. Place it again and read once more</translation>
    </message>
    <message>
        <source>no_card</source>
        <translation>No card on the reader. Place the card on the reader</translation>
    </message>
    <message>
        <source>unresponsive</source>
        <translation>The card does not answer. Turn it and place it again</translation>
    </message>
    <message>
        <source>in_use</source>
        <translation>Another program is using the card reader. Close that program</translation>
    </message>
    <message>
        <source>service_lost</source>
        <translation>The smart card service stopped answering. Read again; if it goes on, call IT</translation>
    </message>
    <message>
        <source>pcsc_error</source>
        <translation>Could not read the card. Place it again and read once more</translation>
    </message>
    <message>
        <source>several</source>
        <translation>Cards are on more than one reader. Leave only the card to read</translation>
    </message>
    <message>
        <source>short_response</source>
        <translation>The card's answer was wrong. Place it again and read once more</translation>
    </message>
    <message>
        <source>wrong_card</source>
        <translation>Not a My Number card, or it has no form-filling application. Check the card</translation>
    </message>
    <message>
        <source>no_pin_file</source>
        <translation>Not a My Number card, or it has no form-filling application. Check the card</translation>
    </message>
    <message>
        <source>no_record</source>
        <translation>Not a My Number card, or it has no form-filling application. Check the card</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>The PIN is locked; this card cannot be read. Check an identity document by eye and send the resident to the My Number card desk to unlock it</translation>
    </message>
    <message>
        <source>verify_failed</source>
        <translation>Could not check the PIN. Place the card again and read once more</translation>
    </message>
    <message>
        <source>read_failed</source>
        <translation>Could not read the card's record. Place it again and read once more</translation>
    </message>
    <message>
        <source>wrong_pin</source>
        <translation>Wrong PIN. {0} more wrong tries lock the card</translation>
    </message>
    <message>
        <source>pin_format</source>
        <translation>The PIN is 4 digits (the form-filling PIN)</translation>
    </message>
    <message>
        <source>short_tlv</source>
        <translation>Could not read the card's record (not in the expected form). Enter the facts by interview</translation>
    </message>
    <message>
        <source>bad_length</source>
        <translation>Could not read the card's record (not in the expected form). Enter the facts by interview</translation>
    </message>
    <message>
        <source>not_basic_four</source>
        <translation>Could not read the card's record (not in the expected form). Enter the facts by interview</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>Could not read the card's record (not in the expected form). Enter the facts by interview</translation>
    </message>
    <message>
        <source>bad_my_number</source>
        <translation>Could not read the card's record (not in the expected form). Enter the facts by interview</translation>
    </message>
    <message>
        <source>empty_name</source>
        <translation>Could not read the card's record (not in the expected form). Enter the facts by interview</translation>
    </message>
    <message>
        <source>bad_birth</source>
        <translation>Could not read the card's record (not in the expected form). Enter the facts by interview</translation>
    </message>
    <message>
        <source>bad_sex</source>
        <translation>Could not read the card's record (not in the expected form). Enter the facts by interview</translation>
    </message>
</context>
</TS>