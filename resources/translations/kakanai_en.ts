<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
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
        <location filename="../../kakanai/ui/add_procedure.py" line="171" />
        <source>対象の方（Space で選ぶ・外す、Enter で追加）</source>
        <translation>For whom (Space ticks or unticks, Enter adds)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="165" />
        <source>見つかりません（「この届出の手続だけ」を外すと、ほかの届出の手続も探せます）</source>
        <translation>Nothing found (untick “only this event” to search the other events’ procedures too)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="172" />
        <source>対象: 世帯（特定の方を選ぶ手続ではありません）</source>
        <translation>For: the household (not a procedure for chosen people)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="196" />
        <location filename="../../kakanai/ui/add_procedure.py" line="209" />
        <source>「{0}」の対象の方を選んでください</source>
        <translation>Choose whom {0} is for</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/add_procedure.py" line="204" />
        <source>追加する手続を選んでください</source>
        <translation>Choose a procedure to add</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="76" />
        <source>手続</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="76" />
        <source>対象</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="76" />
        <source>窓口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="76" />
        <source>理由</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="83" />
        <source>手続を追加…　［Insert］</source>
        <translation>Add a procedure…  [Insert]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="101" />
        <source>世帯員（直すときはセルを選んで F2 またはダブルクリック）</source>
        <translation>Household members (to correct: select a cell, F2 or double-click)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="103" />
        <source>手続（チェックを外すと今回は行いません）</source>
        <translation>Procedures (untick to skip today)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="106" />
        <source>ほかの手続は検索して追加できます（窓口ごとに表示）</source>
        <translation>Other procedures: search and add them (listed by counter)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="112" />
        <source>お持ちいただくもの</source>
        <translation>Please bring</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="119" />
        <source>世帯・手続　（F4 で確認へ）</source>
        <translation>Household &amp; procedures  (F4: review)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="155" />
        <source>特になし</source>
        <translation>Nothing</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="55" />
        <source>ここでQRコードを読み取ってください（スキャナーをかざす）</source>
        <translation>Scan the resident's QR code here</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="70" />
        <source>回答　［Enter］</source>
        <translation>Answer  [Enter]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="80" />
        <source>読取・聞き取り</source>
        <translation>Scan / interview</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="91" />
        <source>入力済み（Enter で直す）</source>
        <translation>Answered (Enter to change)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="108" />
        <source>必要な項目はすべてそろいました　→ ［F3］世帯・手続へ</source>
        <translation>Everything needed is known  → [F3] household &amp; procedures</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="116" />
        <source>　（残り {0}）</source>
        <translation>  ({0} to go)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="131" />
        <source>なければ空のまま Enter</source>
        <translation>if none, leave empty and press Enter</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="156" />
        <source>QRコードがない方は Tab で聞き取りに進みます</source>
        <translation>No QR code? Press Tab to interview</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="217" />
        <source>カードを読み取っています…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="252" />
        <source>受付待ち（QRコードを読み取ると受付を始めます）</source>
        <translation>Waiting (scanning a QR code starts a visit)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="264" />
        <source>まだ入力されていない項目が {0} 件あります（F2）</source>
        <translation>{0} items still missing (F2)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="266" />
        <source>手続 {0} 件。様式とお手続き案内を印刷します。</source>
        <translation>{0} procedures. Prints the forms and the take-home sheet.</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="359" />
        <source>中断しました（F8 で選んで再開）</source>
        <translation>Suspended (F8 to pick and resume)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="373" />
        <source>取り消しました</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="386" />
        <source>完了しました（所要 {0}）</source>
        <translation>Finished (took {0})</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="480" />
        <source>様式 {0} ページ（お手続き案内を含む）を印刷します。</source>
        <translation>Prints {0} pages (take-home sheet included).</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="486" />
        <source>まだ様式を作れません</source>
        <translation>The forms cannot be made yet</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="491" />
        <source>先に「確認」（F4）で様式を作ってください</source>
        <translation>Make the forms first with Review (F4)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="494" />
        <source>先に本人確認をして、確認した書類を選んでください</source>
        <translation>Check the resident's identity first and choose the document</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="498" />
        <source>使えるプリンターがありません（情報システム係に連絡してください）</source>
        <translation>No printer is available (call IT)</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../kakanai/ui/card_dialog.py" line="15" />
        <source>カード読取</source>
        <translation>Read card</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/card_dialog.py" line="22" />
        <source>読み取る</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/card_dialog.py" line="23" />
        <source>やめる</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/card_dialog.py" line="27" />
        <source>カードをリーダーに置き、ご本人が暗証番号（数字4けた）を入力してください</source>
        <translation>Place the card on the reader; the resident types its PIN (4 digits)</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="41" />
        <source>（確認した書類を選ぶ）</source>
        <translation>(choose the document checked)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="47" />
        <source>すべて印刷　［F5］</source>
        <translation>Print all  [F5]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="50" />
        <source>再試行　［F5］</source>
        <translation>Retry  [F5]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="53" />
        <source>完了　［F6］</source>
        <translation>Finish  [F6]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="56" />
        <source>印刷・署名</source>
        <translation>Print &amp; sign</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="59" />
        <source>本人確認（書類の種類だけを記録します）</source>
        <translation>Identity check (only the kind of document is recorded)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="63" />
        <source>プリンター</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="70" />
        <source>署名をいただいたら「完了」を押してください。</source>
        <translation>Press Finish once the forms are signed.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="77" />
        <source>確認　（F5 で印刷へ）</source>
        <translation>Review  (F5: print)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="79" />
        <source>直すところ（Enter でその項目へ）</source>
        <translation>To fix (Enter jumps there)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="81" />
        <source>様式（Enter でそのページへ・✍ は署名欄）</source>
        <translation>Forms (Enter shows the page; ✍ marks a signature)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="85" />
        <source>縮小 [Ctrl -]</source>
        <translation>Zoom out [Ctrl -]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="85" />
        <source>拡大 [Ctrl +]</source>
        <translation>Zoom in [Ctrl +]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="122" />
        <source>幅に合わせる</source>
        <translation>fit to width</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="123" />
        <source>{0}/{1}ページ　{2}　（Home/End・Ctrl +/-）</source>
        <translation>page {0}/{1}  {2}  (Home/End, Ctrl +/-)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="128" />
        <source>様式を作成しています…</source>
        <translation>Making the forms…</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="151" />
        <source>様式 {0} ページ</source>
        <translation>{0} form pages</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="167" />
        <source>問題はありません</source>
        <translation>No problems</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="30" />
        <source>受付</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="31" />
        <source>整理券番号（任意）</source>
        <translation>Ticket number (optional)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="33" />
        <source>次の方　［F1］</source>
        <translation>Next please  [F1]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="41" />
        <source>デモ：窓口で待っている方（Enter でQRを読み取り）</source>
        <translation>Demo: residents waiting (Enter scans their QR)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="49" />
        <source>QRコードを読み取ると、そのまま受付を始めます</source>
        <translation>Scanning a QR code starts the visit</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="51" />
        <source>中断中の方（F8 で選び、Enter で再開）</source>
        <translation>Suspended visits (F8 to pick, Enter resumes)</translation>
    </message>
</context>
</TS>