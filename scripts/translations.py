"""Refresh resources/translations/kakanai_en.ts from the UI sources and compile it to .qm.

    .venv/bin/python scripts/translations.py

The English texts live in EN below (the Japanese source text is the key); a source text without
an English entry is reported so it is not forgotten.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "kakanai_en.ts"
BIN = Path(sys.executable).parent

EN = {
    # the resident bar and every dialog about a visit (presenters.resident_parts), the answer hints
    "氏名": "Name", "人数": "People", "整理券": "Ticket", "住所": "Address", "（未入力）": "(not yet entered)",
    "{0}人": "{0}", "{0}（{1}）": "{0} ({1})", "なし": "none", "数字": "a number", "例: 090-0001": "e.g. 090-0001",
    "例: 090-1234-5678": "e.g. 090-1234-5678", "カタカナ（ひらがなでも可）": "katakana (hiragana also taken)",
    "例: 令和8年4月1日 / R8.4.1 / 5080401 / 2026-04-01": "e.g. 令和8年4月1日 / R8.4.1 / 5080401 / 2026-04-01",
    "、": ", ", "{0}: {1}": "{0}: {1}", "世帯": "Household",  # a plan item's reasons, whose they are
    "{0}（{1}）は{2}日先です。予定日に間違いがないか伺ってください（{3}日より先の転出届は受け付けない市もあります）":
        "{0} ({1}) is {2} days ahead. Ask whether the planned day is right (some cities take no moving-out "
        "notification more than {3} days ahead)",
    "{0}（{1}）が来庁日より{2}日後になっています。日付を確かめてください":
        "{0} ({1}) is {2} days after the day of the visit. Check the date",
    # the household page's member table, the status line after a read, a waiting visit on the start page
    "氏": "Family", "名": "Given", "フリガナ（氏）": "Kana (family)", "フリガナ（名）": "Kana (given)",
    "生年月日": "Born", "性別": "Sex", "続柄": "Relation", "健康保険": "Insurance", "マイナカード": "Card",
    "読み取りました: {0}　{1}人": "Read: {0}, {1} people",
    "カードを読み取りました: {0}　{1}（本人確認済み）": "Card read: {0} {1} (identity checked)",
    "{0}　（{1} 開始・{2}で中断）": "{0}  (started {1}, suspended at {2})",
    "{0}ページ　{1}　✍ {2}": "page {0}  {1}  ✍ {2}",
    "{0}ページ　お手続きのご案内（お持ち帰り用）": "page {0}  procedures guide (for the resident to take home)",
    "QRコードではありません（住民の方のQRコードをもう一度読み取ってください）":
        "This is not a QR code (scan the resident's QR code again)",
    "{0}　{1}人　{2}": "{0}, {1} people, {2}", "{0}人目": "person {0}", "{0}: 「{1}」が空欄です": "{0}: \"{1}\" is empty",
    "カード読取は使わない設定になっています（情報システム係）": "Card reading is turned off in the settings (IT section)",
    "読み取りの間に受付が変わったため、カードの内容は使いませんでした。もう一度読み取ってください":
        "The visit changed while the card was read, so its contents were not used. Read it again",
    "カードを読み取れませんでした。置き直してもう一度読み取ってください":
        "Could not read the card. Place it again and read it once more",
    "様式を作れませんでした（予期しないエラー: {0}）。もう一度「確認」（F4）を押し、直らなければ情報システム係へ連絡してください":
        "Could not make the forms (unexpected error: {0}). Press Review (F4) again; if that does not help, call IT",
    "PDFファイルに保存": "Save as a PDF file",
    "カード読取": "Read card", "読み取る": "Read", "やめる": "Stop",
    "カードをリーダーに置き、ご本人が暗証番号（数字4けた）を入力してください":
        "Place the card on the reader; the resident types its PIN (4 digits)",
    "カードを読み取っています…": "Reading the card…",
    "カードが置かれました（読み取るときは F7）": "A card was placed (F7 to read it)",
    "手続": "Procedure", "対象": "For", "窓口": "Counter", "理由": "Why", "手続を追加": "Add procedure",
    "世帯員（F2 で入力、セルを直接直すこともできます）": "Household members (enter with F2, or edit a cell)",
    "手続（チェックを外すと今回は行いません）": "Procedures (untick to skip today)",
    "お持ちいただくもの": "Please bring", "世帯・手続\u3000（F4 で確認へ）": "Household & procedures  (F4: review)",
    "（追加する手続を選ぶ）": "(choose a procedure to add)", "特になし": "Nothing",
    "ここでQRコードを読み取ってください（スキャナーをかざす）": "Scan the resident's QR code here",
    "回答\u3000［Enter］": "Answer  [Enter]", "読取・聞き取り": "Scan / interview",
    "入力済み（Enter で直す）": "Answered (Enter to change)",
    "世帯外の方（別世帯の親族・代理人など）": "Someone from outside the household (a relative living elsewhere, an agent …)",
    "必要な項目はすべてそろいました\u3000→ ［F3］世帯・手続へ": "Everything needed is known  → [F3] household & procedures",
    "QRコードがない方は Tab で聞き取りに進みます": "No QR code? Press Tab to interview",
    "まだ入力されていない項目が {0} 件あります（F2）": "{0} items still missing (F2)",
    "手続 {0} 件。様式とお手続き案内を印刷します。": "{0} procedures. Prints the forms and the take-home sheet.",
    "様式 {0} ページ（お手続き案内を含む）を印刷します。": "Prints {0} pages (take-home sheet included).",
    "先に「確認」（F4）で様式を作ってください": "Make the forms first with Review (F4)",
    "印刷しています…": "Printing…", "印刷しました（{0}）。署名をお願いします。": "Printed ({0}). Please ask for signatures.",
    "すべて印刷\u3000［F5］": "Print all  [F5]", "完了\u3000［F6］": "Finish  [F6]", "印刷・署名": "Print & sign",
    "プリンター": "Printer", "署名をいただいたら「完了」を押してください。": "Press Finish once the forms are signed.",
    "確認\u3000（F5 で印刷へ）": "Review  (F5: print)", "直すところ（Enter でその項目へ）": "To fix (Enter jumps there)",
    "様式を作成しています…": "Making the forms…", "様式 {0} ページ": "{0} form pages", "問題はありません": "No problems",
    "受付": "Reception", "整理券番号（任意）": "Ticket number (optional)", "次の方\u3000［F1］": "Next please  [F1]",
    "デモ：窓口で待っている方（Enter でQRを読み取り）": "Demo: residents waiting (Enter scans their QR)",
    "中断中の方（Enter で再開）": "Suspended visits (Enter resumes)",
    "中断中の方（F8 で選び、Enter で再開）": "Suspended visits (F8 to pick, Enter resumes)",
    "世帯員（直すときはセルを選んで F2 またはダブルクリック）": "Household members (to correct: select a cell, F2 or double-click)",
    "追加する手続を入力して検索": "Type to search a procedure to add", "世帯（特定の方なし）": "Household (no one person)",
    "受付待ち（QRコードを読み取ると受付を始めます）": "Waiting (scanning a QR code starts a visit)",
    "受付待ち（QRコードを読み取るか、マイナンバーカードを置くと受付を始めます）":
        "Waiting (scanning a QR code or placing a My Number card starts a visit)",
    "QRコードを読み取ると、そのまま受付を始めます": "Scanning a QR code starts the visit",
    "使えるプリンターがありません（情報システム係に連絡してください）": "No printer is available (call IT)",
    "中断しました（F8 で選んで再開）": "Suspended (F8 to pick and resume)",
    "（確認した書類を選ぶ）": "(choose the document checked)",
    "本人確認（書類の種類だけを記録します）": "Identity check (only the kind of document is recorded)",
    "先に本人確認をして、確認した書類を選んでください": "Check the resident's identity first and choose the document",
    "様式（Enter でそのページへ・✍ は署名欄）": "Forms (Enter shows the page; ✍ marks a signature)",
    "縮小 [Ctrl -]": "Zoom out [Ctrl -]", "拡大 [Ctrl +]": "Zoom in [Ctrl +]", "幅に合わせる": "fit to width",
    "{0}/{1}ページ\u3000{2}\u3000（Home/End・Ctrl +/-）": "page {0}/{1}  {2}  (Home/End, Ctrl +/-)",
    "まだ様式を作れません": "The forms cannot be made yet",
    "\u3000（残り {0}）": "  ({0} to go)", "なければ空のまま Enter": "if none, leave empty and press Enter",
    "再試行\u3000［F5］": "Retry  [F5]", "取り消しました": "Cancelled", "完了しました（所要 {0}）": "Finished (took {0})",
    "手続を追加…\u3000［Insert］": "Add a procedure…  [Insert]",
    "ほかの手続は検索して追加できます（窓口ごとに表示）": "Other procedures: search and add them (listed by counter)",
    "手続名で検索（例: 印鑑）\u3000↓ で一覧へ、Enter で選ぶ": "Search by name (e.g. 印鑑)  ↓ to the list, Enter chooses",
    "「{0}」の手続だけ": "Only procedures of {0}", "この届出の手続だけ": "Only procedures of this event",
    "追加\u3000［Enter］": "Add  [Enter]", "やめる\u3000［Esc］": "Cancel  [Esc]",
    "対象の方（Space で選ぶ・外す、Enter で追加）": "For whom (Space ticks or unticks, Enter adds)",
    "対象: 世帯（特定の方を選ぶ手続ではありません）": "For: the household (not a procedure for chosen people)",
    "見つかりません（「この届出の手続だけ」を外すと、ほかの届出の手続も探せます）":
        "Nothing found (untick “only this event” to search the other events’ procedures too)",
    "「{0}」の対象の方を選んでください": "Choose whom {0} is for", "追加する手続を選んでください": "Choose a procedure to add",
    # the supervisor dashboard
    "監督者ダッシュボード": "Supervisor dashboard",
    "監督者用のパスワードがまだ設定されていません。\n情報システム担当に、次のコマンドの実行を依頼してください。\n\n"
    "    kakanai supervisor set-password":
        "No supervisor password is set yet.\nAsk IT to run this command:\n\n    kakanai supervisor set-password",
    "集計の保存先": "Save the figures as", "転入": "Move in", "転出": "Move out", "転居": "Move within",
    "出生": "Birth", "死亡": "Death", "婚姻": "Marriage", "全体": "All",
    "データベースに接続できません。しばらくしてから［更新］を押してください":
        "Cannot reach the database. Press [Refresh] again in a while",
    "{0}（該当なし）": "{0} (none)", "{0}件": "{0} visits", "平均": "Mean", "90%": "90%",
    "来庁件数": "Visits", "平均処理時間": "Mean handling time", "処理時間 中央値": "Median handling time",
    "処理時間 90%値": "90th percentile", "目標時間を超えた割合": "Over the target", "1件あたり様式": "Forms per visit",
    "平均待ち時間": "Mean wait", "取消": "Cancelled", "除外（時間が不正確）": "Left out (time not exact)",
    "手書きより短縮": "Saved vs. handwriting", "{0}分": "{0} min", "{0}%（{1}分超）": "{0}% (over {1} min)",
    "{0}枚": "{0} sheets", "{0}時間": "{0} h", "前の期間": "Period before:", "準備中": "being prepared",
    "区分": "Group", "件数": "Visits", "平均(分)": "Mean (min)", "中央値(分)": "Median (min)",
    "90%(分)": "90% (min)", "目標超過(%)": "Over target (%)", "{0}時間{1}分": "{0} h {1} min",
    "いま対応中の窓口": "Counters serving now", "届出": "Event", "開始": "Started", "経過": "Elapsed",
    "10秒ごとに更新": "Updated every 10 s", "いま対応中の窓口\u3000{0}件": "Counters serving now  {0}",
    "10秒ごとに更新（{0}）\n赤: 目標時間を超えて対応中": "Updated every 10 s ({0})\nRed: serving longer than the target",
    "kakanai 監督者ダッシュボード": "kakanai supervisor dashboard", "集計の準備中…": "Preparing the figures…",
    "すべて": "All", "更新 [F5]": "Refresh [F5]", "CSV 出力": "Export CSV", "Excel 出力": "Export Excel",
    "期間": "Period", "庁舎": "Office", "グラフ": "Charts", "窓口別": "By counter", "職員別（仮名）": "By clerk (pseudonyms)",
    "手続別": "By procedure",
    "手続ごとの時間は、来庁1件の処理時間をその来庁の手続の数で等分したものです（来庁の目標時間とは比べません）":
        "A procedure's time is its visit's handling time shared equally among the visit's procedures "
        "(not compared with the visit target)",
    "分": "min", "時間帯別の処理時間": "Handling time by hour", "開始時刻（時台）と件数": "Hour started, and visits",
    "届出別の処理時間": "Handling time by event", "届出と件数": "Event, and visits", "日ごとの処理時間": "Handling time by day",
    "処理時間の分布": "Distribution of handling times", "期間の開始日が終了日より後になっています": "The period starts after it ends",
    "集計中…": "Counting…", "中央値": "Median", "処理時間（分）\u3000右端の棒は{0}分以上": "Handling time (min)  last bar: {0} min or more",
    "\u3000前の期間 {0}〜{1}": "  period before {0}–{1}",
    "最終更新 {0}\u3000目標 {1}分{2}\u3000時間が不正確な来庁（日付をまたいだ・強制終了）は時間の集計から除いています":
        "Updated {0}  target {1} min{2}  visits without an exact time (past midnight, force-ended) are left out of times",
    "保存しました: {0}": "Saved: {0}", "保存できませんでした: {0}": "Could not save: {0}",
    "集計を準備しています（あと{0}日分）。しばらくお待ちください": "Preparing the figures ({0} days to go). Please wait",
    "集計できませんでした（{0}）。情報システム担当に連絡してください": "Could not count the figures ({0}). Please call IT",
    "監督者の確認": "Supervisor check", "開く": "Open", "キャンセル": "Cancel",
    "ダッシュボードを開くには、監督者のパスワードを入力してください。": "Type the supervisor password to open the dashboard.",
    "{0}秒後にもう一度入力できます": "You can try again in {0} s", "確認中…": "Checking…",
    "パスワードが違います（あと{0}回）": "Wrong password ({0} tries left)", "確認できませんでした（{0}）": "Could not check ({0})",
    "QRコードはそのまま読み取れます。ない方は下の質問から聞き取ります":
        "A QR code can be scanned right away; without one, interview with the question below",
    "{0}氏名（氏と名の間を空ける）": "{0}full name (a space between family and given name)",
    "{0}フリガナ（氏と名の間を空ける）": "{0}name in kana (a space between family and given name)",
    "例: 山田 太郎（空けずに Enter なら氏だけ）": "e.g. 山田 太郎 (Enter with no space: the family name only)",
    "例: やまだ たろう（カタカナ・ひらがな）": "e.g. やまだ たろう (katakana or hiragana)",
    "{0}（郵便番号を入れると町名まで入ります）": "{0} (a postal code fills in the town)",
    "例: 090-0001 のあと、丁目・番地": "e.g. 090-0001, then the block and number",
    "本人確認（選んで Enter で印刷・種類だけを記録）": "Identity check (choose, Enter prints; only its kind is kept)",
    "本人確認": "Identity check",
    "確認した書類を選んで Enter で印刷します（書類の種類だけを記録）":
        "Choose the document checked and press Enter to print (only its kind is recorded)",
    "対象の方（手続を選ぶと選べます）": "For whom (choose a procedure first)",
    # the counter window's header, steps and dialogs
    "kakanai 書かない窓口": "kakanai no-writing counter", "F7  カード読取": "F7  Read card",
    "F8  中断・再開": "F8  Suspend / resume", "F9  取消": "F9  Cancel visit", "F10 集計（監督者）": "F10 Figures (chief)",
    "kakanai 書かない窓口\u3000{0}\u3000受付待ち": "kakanai no-writing counter  {0}  waiting",
    "\u3000整理券 {0}": "  ticket {0}", "kakanai\u3000{0}{1}\u3000経過 {2}": "kakanai  {0}{1}  elapsed {2}",
    "次の方": "Next please",
    "いまの方の受付を中断して、次の方を受け付けますか？\nいまの方: {0}":
        "Suspend this resident's visit and serve the next one?\nThis resident: {0}",
    "別の方のQRコード": "Another resident's QR code?",
    "いま受付中の方とは別のQRコードかもしれません。\nいまの方: {0}\n読み取った方: {1}\n\n"
    "いまの方を中断して、読み取った方の受付を新しく始めますか？":
        "This code may belong to someone else.\nThis resident: {0}\nCode read: {1}\n\n"
        "Suspend this visit and start a new one for the code read?",
    "読み取ったQRコードは使いませんでした（いまの方の受付を続けます）": "The code read was not used (this visit goes on)",
    "この方の受付を取り消しますか？（記録には「取消」と残ります）\n{0}":
        "Cancel this resident's visit? (the log keeps it as cancelled)\n{0}",
    "完了": "Finish", "まだ届出の内容がありません。受付をやめるときは「取消」（F9）です。":
        "Nothing has been filed yet. To stop this visit, cancel it (F9).",
    "まだ印刷していません。完了にしますか？\n{0}": "Nothing has been printed yet. Finish anyway?\n{0}",
    "手続をやめる理由": "Why the procedure is dropped", "この手続を今回行わない理由を選んでください。":
        "Choose why this procedure is not done today.",
    "外字": "Characters that cannot be printed",
    "印刷できない文字があります。このまま印刷しますか？（手書きで補ってください）":
        "Some characters cannot be printed. Print anyway? (write them in by hand)",
    "印刷": "Print", "この様式はもう印刷しました。もう一度すべて印刷しますか？\n{0}":
        "These forms were printed already. Print them all again?\n{0}",
    "前回の受付を復元できません": "Earlier visits cannot be restored",
    "前回の受付を復元できませんでした（情報システム係へ）": "Earlier visits could not be restored (call IT)",
    "{0} 開始\u3000{1}": "started {0}  {1}", "前回の受付": "Visit left open",
    "前回、終了していない受付があります。再開しますか？\n{0}\n（いいえ: 記録を「中断終了」として閉じます）":
        "A visit was left open. Resume it?\n{0}\n(No: it is closed in the log as ended by a suspension)",
    "はい": "Yes", "いいえ": "No",
    # the parts the UI composes the domain's labels from (kakanai/ui/domain_text.py, presenters.py)
    "日本語": "English", "世帯員{0}": "member {0}", "{0}さんの{1}": "{0}: {1}", "{0}さんの": "{0}: ",
    "{0}さん": "{0}", "{0}：{1}": "{0}: {1}", "届出の内容": "The notification", "{0}が未入力です": "{0} is missing",
    "世帯主が{0}人になっています。続柄で世帯主を1人にしてください":
        "{0} heads of household. Set the relation so that exactly one is 世帯主 (head)",
    "{0}: 対象の方が選ばれていません（世帯・手続で追加し直してください）":
        "{0}: no one is chosen for it (add it again under household & procedures)",
    "世帯主変更届: 新世帯主が決まっていません（届出人に伺ってください）":
        "Change of head: the new head is not decided (ask the notifier)",
    "世帯主変更届: 新世帯主は {0}さん（{1}）です（届出人が指名）":
        "Change of head: the new head is {0} ({1}), named by the notifier",
    "世帯主変更届: 新世帯主は {0}さん（{1}）です。違うときは続柄を直してください":
        "Change of head: the new head is {0} ({1}). If not, correct the relation",
    "{0}: 期限（{1}、{2}まで）を過ぎています。遅れた理由を伺ってください":
        "{0}: the deadline ({1}, until {2}) has passed. Ask why it is late",
}

# The domain's own words, by their codes in the domain's tables (the Japanese keys are taken from
# there, never copied): each question label, each date label, each choice and each printer state.
HOUSEHOLD_EN = {
    "event": "Kind of notification", "date": "Date of the change", "member_count": "Number of people notified",
    "whole": "Does the whole household move? (if someone stays, answer No and count them too)",
    "new.postal": "Postal code of the new address", "new.address": "New address",
    "new.building": "Building and room of the new address", "old.postal": "Postal code of the previous address",
    "old.address": "Previous address", "old.building": "Building and room of the previous address",
    "notifier": "Notifier (the person at the counter)",
    "notifier.family": "Notifier (from outside the household): family name",
    "notifier.given": "Notifier (from outside the household): given name",
    "notifier.family_kana": "Notifier (from outside the household): family name in kana",
    "notifier.given_kana": "Notifier (from outside the household): given name in kana",
    "notifier.relation": "Notifier's relation to the people notified (eldest son, acquaintance …)",
    "notifier.address": "Notifier (from outside the household): address",
    "notifier.phone": "Notifier (from outside the household): phone number",
    "old.head": "Head of household at the previous address", "phone": "Contact phone number",
    "extras.dogs": "Number of dogs kept", "extras.mopeds": "Number of mopeds (125 cc or less)",
    "new_head": "New head of household (ask the notifier)",
    "death.time": "Time of death (24-hour, e.g. 14:30)", "death.place": "Place of death (hospital or address)",
    "death.funeral": "Date of the funeral", "marriage.surname_of": "Surname the couple takes after marriage",
    "marriage.domicile": "New registered domicile after marriage", "marriage.together": "Date they began living together",
    "child_allowance.claimant": "Child allowance claimant (the parent with the higher income)",
    "birth.father": "Name of the child's father (not in the household; empty if none)",
    "birth.mother": "Name of the child's mother (not in the household)",
}
MEMBER_EN = {
    "family": "family name", "given": "given name", "family_kana": "family name in kana",
    "given_kana": "given name in kana", "birth": "date of birth", "sex": "sex",
    "relation": "relation to the head, as the register writes it: 世帯主, 妻, 子 …",
    "moving": "moves too? (No for someone who stays)", "insurance": "health insurance now",
    "card": "has a My Number card?", "care_certified": "certified as needing care or support?",
    "seal": "registers a personal seal?", "insured": "employee insurance: insured person or dependent?",
    "birth_time": "time of birth (24-hour, e.g. 3:15)", "birth_place": "place of birth (hospital or address)",
    "birth_order": "order among the same parents' children of the same sex (1 for the eldest son/daughter)",
    "father": "father's name (as in the family register; also one who has died; empty: none)",
    "mother": "mother's name (as in the family register; also one who has died; empty: none)",
    "pensioner": "received a pension (old-age, disability or survivors')?",
    "allowance": "receives child allowance?", "child_support": "receives child-rearing allowance?",
    "seal_registered": "has a seal registered in this city?",
    "high_cost": "eligible for high-cost medical expense benefits (notice received)?",
}
NEWBORN_EN = {"insurance": "health insurance the child joins (employee insurance if it becomes a parent's dependent)"}
DATE_EN = {"move_in": "Date of moving in", "move_out": "Planned date of moving out",
           "move_within": "Date of moving", "birth": "Date of birth", "death": "Date of death",
           "marriage": "Date of marriage"}
INSURED_EN = {"insured": "insured person (themselves)", "dependent": "dependent (family)"}
# why the interview asks (phrases.REASON_TEXTS, by kind); {title} is the city's form or procedure title
WHY_EN = {"basics": "basic facts of the notification", "fill": "to fill in \"{title}\"",
          "decide": "to decide whether \"{title}\" is needed", "change": "to change it"}
# the print service's states (services.printing.STATE_TEXTS, by code), with the same {parts}
STATES_EN = {
    "sending": "Sending to the printer…", "accepted": "The printer accepted the job and is waiting to print",
    "printing": "Printing ({count} jobs to go)", "printed": "Printed. Please ask for signatures",
    "sent": "Sent to the printer. Please ask for signatures", "saved": "Saved ({where}). Please ask for signatures",
    "cancelled": "Printing was cancelled. Print again with Retry", "printer_alert": "{printer}: {alert}",
    "printer_stopped": "{printer}: the printer is stopped. Choose another printer and Retry, or call IT",
    "stuck": "{printer}: the job waits and does not move. Check the printer and press Retry",
    "failed": "Could not print: {error}", "error": "{detail}",
    "no_cups": "There is no print system (CUPS) on this PC (call IT)",
    "no_answer": "The print system does not answer. Wait a moment and press Retry",
    "not_accepting": "The printer is not accepting jobs. Choose another printer, or call IT",
    "no_such_printer": "That printer is not found. Choose one from the list again",
    "cups_down": "The print system (CUPS) is not running (call IT)",
    "refused": "The printer did not accept the job. Press Retry",
    "no_save_folder": "No folder to save PDFs is set (setting pdf_save_dir)",
    "unreadable_pdf": "The PDF cannot be opened",
}
REASONS_EN = {
    "media-empty": "Out of paper. Load paper", "media-needed": "Out of paper. Load paper",
    "media-jam": "Paper jam. Remove the jammed paper",
    "offline": "Check the printer's power and cable (offline)",
    "connecting-to-device": "Cannot reach the printer. Check its power and cable",
    "timed-out": "Cannot reach the printer. Check its power and cable",
    "toner-empty": "Out of toner. Replace the toner", "marker-supply-empty": "Out of ink or toner. Replace it",
    "door-open": "The printer's cover is open. Close it", "cover-open": "The printer's cover is open. Close it",
    "input-tray-missing": "The paper tray is missing. Insert it",
    "output-area-full": "The output tray is full. Take the prints out",
    "paused": "The printer is paused. Choose another printer and Retry, or call IT",
    "stopped": "The printer is stopped (call IT)", "shutdown": "The printer is stopped (call IT)",
}

# why a plan item is there (phrases.PHRASE_TEXTS, by code); {0}, {1} … the same values (和暦 dates as they are)
PHRASES_EN = {
    "clerk_added": "added by the clerk",
    "age": "{0} years old", "age.eve": "{0} years old (reached the day before the birthday)",
    "birthday_age.eve": "{0} years old (turns {1} on {2})",
    "age_at_visit": "turned {0} on the birthday ({1})", "age_at_visit.no_birth": "{0} years old on the day of the visit",
    "days_to_75": "late-stage elderly medical care from the 75th birthday ({0})",
    "days_to_75.reached": "covered by late-stage elderly medical care from the 75th birthday ({0})",
    "grade.preschool": "not yet at school", "grade.preschool_age": "not yet at school ({0} years old)",
    "grade.elementary": "elementary school, year {0}", "grade.junior_high": "junior high school, year {0}",
    "grade.high_school": "high school age, year {0}", "grade.adult": "past high school age",
    "grade.adult_age": "past high school age ({0} years old)",
    "school_stage.elementary": "elementary school age", "school_stage.junior_high": "junior high school age",
    "school_stage.high_school": "high school age",
    "insurance.nhi": "in National Health Insurance", "insurance.employee": "in employee health insurance",
    "insurance.late_elderly": "in late-stage elderly medical care", "insurance.welfare": "receives public assistance",
    "insurance.none": "in no health insurance",
    "newborn_insurance.nhi": "joins National Health Insurance",
    "newborn_insurance.employee": "becomes a dependent in a parent's employee health insurance",
    "newborn_insurance.welfare": "public assistance (medical aid)",
    "insured.insured": "insured person in employee health insurance",
    "insured.dependent": "dependent in employee health insurance",
    "pension_class.1": "National Pension, category 1 insured", "pension_class.2": "National Pension, category 2 insured",
    "pension_class.3": "National Pension, category 3 insured", "pension_class.none": "not insured in the National Pension",
    "sex.M": "male", "sex.F": "female",
    "couple_surname.husband": "takes the husband's surname", "couple_surname.wife": "takes the wife's surname",
    "couple_surname.none": "marriage with a foreign national (surnames do not change)",
    "school_kind.nursery": "at a nursery", "school_kind.kindergarten": "at a kindergarten",
    "relation": "relation {0}", "dogs": "{0} dog(s)", "mopeds": "{0} moped(s)", "members_count": "household of {0}",
    "remaining_15_plus": "{0} member(s) aged 15 or over remain",
    "old_same_prefecture": "moved in from within the same prefecture ({0})",
    "old_same_prefecture.no": "moved in from another prefecture",
    "new_same_prefecture": "moves out within the same prefecture ({0})",
    "new_same_prefecture.no": "moves out to another prefecture",
    "card": "has a My Number card", "card.no": "has no My Number card",
    "care_certified": "certified as needing care or support", "care_certified.no": "not certified as needing care",
    "foreign": "foreign national", "foreign.no": "Japanese national",
    "seal_requested": "wants to register a seal", "seal_requested.no": "does not want to register a seal",
    "is_head": "head of household", "is_head.no": "not the head of household",
    "from_abroad": "moved in from abroad", "to_abroad": "moves abroad", "agent": "filed by an agent",
    "late_disability": "disability certified for late-stage elderly medical care",
    "late_disability.no": "no disability certification",
    "civil_servant": "civil servant", "civil_servant.no": "not a civil servant",
    "pensioner": "receives a pension", "pensioner.no": "receives no pension",
    "claimant_civil_servant": "the claimant is a civil servant (claims at the workplace)",
    "allowance_recipient": "receives child allowance", "child_support": "receives child-rearing allowance",
    "single_parent": "single-parent household (receives child-rearing allowance)", "lone_parent": "single parent",
    "child_of_subject": "a child of the deceased", "spouse_of_subject": "the spouse of the deceased",
    "seal_registered": "has a registered seal", "high_cost": "eligible for high-cost medical expense benefits",
    "surname_changes": "surname changes by the marriage",
    "keeps_old_surname": "keeps the parent's surname from before the marriage",
    "special_permanent": "special permanent resident", "born_abroad": "born abroad",
    "disability": "holds a disability certificate",
}

# the steps of a visit (visit_session.STEP_LABELS, by code): the window's step list, a waiting visit
STEPS_EN = {"start": "Reception", "intake": "Scan / interview", "household": "Household",
            "review": "Review", "print": "Print & sign", "finish": "Finish"}

# the titles of the input problems the window shows (InvalidInput.title_ja), context Problems
TITLES_EN = {"QRコードを読み取れませんでした": "Could not read the QR code", "入力内容に誤りがあります": "The input has errors",
             "入力を確認してください": "Please check the input"}

# the card reader's problems by code (domain_text.CARD_CODES; the Japanese is the reader's own message)
CARD_EN = {
    "no_pcsc": "This PC has no card reading system (PC/SC). Call IT",
    "no_service": "The smart card service is not running. Call IT",
    "no_reader": "No card reader is connected. Check the USB cable",
    "reader_gone": "The card reader was disconnected. Connect it again and read once more",
    "removed": "The card was taken away while reading. Place it again and read once more",
    "no_card": "No card on the reader. Place the card on the reader",
    "unresponsive": "The card does not answer. Turn it and place it again",
    "in_use": "Another program is using the card reader. Close that program",
    "service_lost": "The smart card service stopped answering. Read again; if it goes on, call IT",
    "pcsc_error": "Could not read the card. Place it again and read once more",
    "several": "Cards are on more than one reader. Leave only the card to read",
    "short_response": "The card's answer was wrong. Place it again and read once more",
    "wrong_card": "Not a My Number card, or it has no form-filling application. Check the card",
    "no_pin_file": "Not a My Number card, or it has no form-filling application. Check the card",
    "no_record": "Not a My Number card, or it has no form-filling application. Check the card",
    "blocked": "The PIN is locked; this card cannot be read. Check an identity document by eye and send the "
               "resident to the My Number card desk to unlock it",
    "verify_failed": "Could not check the PIN. Place the card again and read once more",
    "read_failed": "Could not read the card's record. Place it again and read once more",
    "wrong_pin": "Wrong PIN. {0} more wrong tries lock the card",
    "pin_format": "The PIN is 4 digits (the form-filling PIN)",
}

MALFORMED_EN = "Could not read the card's record (not in the expected form). Enter the facts by interview"


def domain_texts() -> dict[str, dict[str, str | None]]:
    """Context → Japanese text → English (None when it has none) of every word the UI takes from
    the domain's tables (labels, choices, why a question is asked, why a plan item is there) and the print service's states."""
    sys.path.insert(0, str(ROOT))
    from kakanai.domain.phrases import PHRASE_TEXTS, REASON_TEXTS
    from kakanai.domain.questions import DATE_LABELS, HOUSEHOLD_SPECS, MEMBER_SPECS, NEWBORN_SPECS
    from kakanai.domain.visit_session import STEP_LABELS
    from kakanai.domain.vocabulary import EVENT_LABELS_EN, INSURANCE_LABELS_EN, SEX_LABELS_EN, LifeEvent
    from kakanai.services.printing import REASONS, STATE_TEXTS
    from kakanai.ui.domain_text import CARD_CODES, MALFORMED_CODES
    from kakanai.ui.presenters import OUTSIDE_LABEL

    questions: dict[str, str | None] = {}
    for specs, english in ((HOUSEHOLD_SPECS, HOUSEHOLD_EN), (MEMBER_SPECS, MEMBER_EN), (NEWBORN_SPECS, NEWBORN_EN)):
        for key, spec in specs.items():
            questions[spec.label] = english.get(key)
            if spec.kind == "text" and spec.label.endswith("の氏"):  # a paired name question's stem
                questions[spec.label.removesuffix("氏")] = (english[key].removesuffix("family name").rstrip(": ")
                                                            + ": ") if key in english else None
    for code, text in DATE_LABELS.items():
        questions[text] = DATE_EN.get(code)
    for why, text in REASON_TEXTS.items():
        questions[text] = WHY_EN.get(why.value)
    known = {**{str(LifeEvent(e).value): v for e, v in EVENT_LABELS_EN.items()}, **INSURANCE_LABELS_EN,
             **SEX_LABELS_EN, **INSURED_EN}
    vocabulary: dict[str, str | None] = {"はい": EN["はい"], "いいえ": EN["いいえ"], OUTSIDE_LABEL: "Someone from outside"}
    for spec in (*HOUSEHOLD_SPECS.values(), *MEMBER_SPECS.values()):
        for code, text in spec.choices:
            vocabulary[text] = known.get(str(code))
    status = {text: REASONS_EN.get(code) for code, text in REASONS.items() if text}
    status |= {text: STATES_EN.get(state.value) for state, text in STATE_TEXTS.items()}
    phrases = {**PHRASES_EN, **{f"event.{e.value}": f"notification: {t}" for e, t in EVENT_LABELS_EN.items()}}
    reasons = {text: phrases.get(code) for code, text in PHRASE_TEXTS.items()}
    steps = {text: STEPS_EN.get(code) for code, text in STEP_LABELS.items()}
    return {"Questions": questions, "Vocabulary": vocabulary, "Status": status, "Reasons": reasons, "Steps": steps,
            "Problems": dict(TITLES_EN), "CardErrors": {code: CARD_EN.get(code, MALFORMED_EN if code in MALFORMED_CODES else None)
                           for code in CARD_CODES}}


def main() -> int:
    """Update the .ts, fill in English, compile the .qm; non-zero if a text has no English."""
    subprocess.run([BIN / "pyside6-lupdate", *sorted(map(str, (ROOT / "kakanai" / "ui").glob("*.py"))),
                    "-no-obsolete", "-ts", str(TS)], check=True, capture_output=True)
    tree = ET.parse(TS)
    missing = []
    domain = domain_texts()
    contexts = {c.findtext("name"): c for c in tree.getroot().iter("context")}
    for name, texts in domain.items():  # lupdate sees only literals: the domain's words are added here
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(tree.getroot(), "context")
            ET.SubElement(context, "name").text = name
        present = {m.findtext("source") for m in context.iter("message")}
        for source in texts:
            if source not in present:
                message = ET.SubElement(context, "message")
                ET.SubElement(message, "source").text = source
                ET.SubElement(message, "translation", type="unfinished")
    for context in tree.getroot().iter("context"):
        english = {**EN, **domain.get(context.findtext("name", ""), {})}
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if english.get(source) and translation is not None:
                translation.text = english[source]
                translation.attrib.pop("type", None)
            elif not english.get(source):
                missing.append(source)
    for context in tree.getroot().iter("context"):
        if context.findtext("name") in domain:  # laid out like lupdate's own contexts
            ET.indent(context, space="    ")
            context.tail = "\n"
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([BIN / "pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True,
                   capture_output=True)
    for source in missing:
        print(f"no English for: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
