<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>HouseholdPage</name>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="43" />
        <source>手続</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="43" />
        <source>対象</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="43" />
        <source>窓口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="43" />
        <source>理由</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="49" />
        <source>手続を追加</source>
        <translation>Add procedure</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="63" />
        <source>世帯員（F2 で入力、セルを直接直すこともできます）</source>
        <translation>Household members (enter with F2, or edit a cell)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="65" />
        <source>手続（チェックを外すと今回は行いません）</source>
        <translation>Procedures (untick to skip today)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="74" />
        <source>お持ちいただくもの</source>
        <translation>Please bring</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="81" />
        <source>世帯・手続　（F4 で確認へ）</source>
        <translation>Household &amp; procedures  (F4: review)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="110" />
        <source>（追加する手続を選ぶ）</source>
        <translation>(choose a procedure to add)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/household_page.py" line="117" />
        <source>特になし</source>
        <translation>Nothing</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="54" />
        <source>ここでQRコードを読み取ってください（スキャナーをかざす）</source>
        <translation>Scan the resident's QR code here</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="69" />
        <source>回答　［Enter］</source>
        <translation>Answer  [Enter]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="79" />
        <source>読取・聞き取り</source>
        <translation>Scan / interview</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="90" />
        <source>入力済み（Enter で直す）</source>
        <translation>Answered (Enter to change)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="106" />
        <source>必要な項目はすべてそろいました　→ ［F3］世帯・手続へ</source>
        <translation>Everything needed is known  → [F3] household &amp; procedures</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/intake_page.py" line="155" />
        <source>QRコードがない方は Tab で聞き取りに進みます</source>
        <translation>No QR code? Press Tab to interview</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="164" />
        <source>まだ入力されていない項目が {0} 件あります（F2）</source>
        <translation>{0} items still missing (F2)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="166" />
        <source>手続 {0} 件。様式とお手続き案内を印刷します。</source>
        <translation>{0} procedures. Prints the forms and the take-home sheet.</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="274" />
        <source>様式 {0} ページ（お手続き案内を含む）を印刷します。</source>
        <translation>Prints {0} pages (take-home sheet included).</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="279" />
        <source>先に「確認」（F4）で様式を作ってください</source>
        <translation>Make the forms first with Review (F4)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="284" />
        <source>使えるプリンターがありません（情報システム係に連絡してください）</source>
        <translation>No printer is available (call IT)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="285" />
        <source>印刷しています…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/main_window.py" line="292" />
        <source>印刷しました（{0}）。署名をお願いします。</source>
        <translation>Printed ({0}). Please ask for signatures.</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="20" />
        <source>すべて印刷　［F5］</source>
        <translation>Print all  [F5]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="25" />
        <source>再試行　［F5］</source>
        <translation>Retry  [F5]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="23" />
        <source>完了　［F6］</source>
        <translation>Finish  [F6]</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="26" />
        <source>印刷・署名</source>
        <translation>Print &amp; sign</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="29" />
        <source>プリンター</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/print_page.py" line="35" />
        <source>署名をいただいたら「完了」を押してください。</source>
        <translation>Press Finish once the forms are signed.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="31" />
        <source>確認　（F5 で印刷へ）</source>
        <translation>Review  (F5: print)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="33" />
        <source>直すところ（Enter でその項目へ）</source>
        <translation>To fix (Enter jumps there)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="41" />
        <source>様式を作成しています…</source>
        <translation>Making the forms…</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="48" />
        <source>様式 {0} ページ</source>
        <translation>{0} form pages</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/review_page.py" line="59" />
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
        <location filename="../../kakanai/ui/start_page.py" line="40" />
        <source>デモ：窓口で待っている方（Enter でQRを読み取り）</source>
        <translation>Demo: residents waiting (Enter scans their QR)</translation>
    </message>
    <message>
        <location filename="../../kakanai/ui/start_page.py" line="48" />
        <source>中断中の方（Enter で再開）</source>
        <translation>Suspended visits (Enter resumes)</translation>
    </message>
</context>
</TS>