"""The KKN2 preset zlib dictionary, published with the spec (``docs/kkn2-dictionary.txt`` holds
the same UTF-8 text; ``tests/qr/test_kkn2.py`` keeps the two equal).

Fixed for KKN2 forever: every KKN2 zlib header names this dictionary by its Adler-32 (DICTID), so
a changed byte makes every code unreadable. A new dictionary needs a new prefix (KKN3).

What it holds: the document's keys and enum values as the encoder writes them (compact JSON),
the 47 prefectures, common 続柄, 在留資格 and address words. Deflate finds matches best near the
end of the dictionary, so the most frequent fragments come last.
"""

DICTIONARY_TEXT = (
    # 在留資格 (residence status), 30条の45 classes, marriage, death, birth, bank, school, disability
    "技術・人文知識・国際業務経営・管理高度専門職企業内転勤技能実習特定技能特定活動日本人の配偶者等永住者の配偶者等"
    "家族滞在留学定住者永住者特別永住者"
    '"category":"special_permanent","category":"temporary_refuge","category":"provisional_stay",'
    '"category":"birth","category":"nationality_loss",'
    '"domicile":"","domicile_head":"","alias":"","residence":{"card":"","status":"","until":"20","category":"mid_long"},'
    '"marriage":{"surname":0,"domicile":"","together":"20'
    '"death":{"time":"","place":"","funeral":"20","mourner":"'
    '"birth_time":"","birth_place":"'
    '"bank":{"bank":"","branch":"","kind":"ordinary","number":"","holder_kana":"'
    '"school":{"name":"","grade":'
    '"disability":{"kind":"physical","grade":"","kind":"intellectual","kind":"mental"},'
    '"late_disability":true,"pensioner":true,"civil_servant":true,"seal_registered":true,'
    '"insured":"dependent","insured":"insured","pension_class":1,"pension_class":2,"pension_class":3,'
    '"child_allowance":{"claimant":0,"receiving":"'
    '"new_head":1,"new_relation":"'
    '"agent":true,"address":"'
    # prefectures
    "北海道青森県岩手県宮城県秋田県山形県福島県茨城県栃木県群馬県埼玉県千葉県東京都神奈川県新潟県富山県石川県"
    "福井県山梨県長野県岐阜県静岡県愛知県三重県滋賀県京都府大阪府兵庫県奈良県和歌山県鳥取県島根県岡山県広島県"
    "山口県徳島県香川県愛媛県高知県福岡県佐賀県長崎県熊本県大分県宮崎県鹿児島県沖縄県"
    # the 20 designated cities and common ward names, common surnames with their readings
    "札幌市仙台市さいたま市千葉市横浜市川崎市相模原市新潟市静岡市浜松市名古屋市京都市大阪市堺市神戸市岡山市広島市"
    "北九州市福岡市熊本市中央区青葉区東区西区南区北区"
    "佐藤サトウ鈴木スズキ高橋タカハシ田中タナカ伊藤イトウ渡辺ワタナベ山本ヤマモト中村ナカムラ小林コバヤシ加藤カトウ"
    "吉田ヨシダ佐々木ササキ山口ヤマグチ松本マツモト井上イノウエ木村キムラ斎藤サイトウ清水シミズ山田ヤマダ"
    # 続柄 and address words
    "同居人縁故者子の妻子の夫妻の父妻の母夫の父夫の母祖父祖母孫兄弟姉妹長男長女二男二女"
    "マンションアパートハイツコーポレジデンス号室大字字郡村町区市番地丁目"
    # events and the household's frame
    '"event":"move_out","event":"move_within","event":"birth","event":"death","event":"marriage",'
    '"old":{"country":"'
    '"insurance":"welfare","insurance":"none","insurance":"employee","insurance":"late_elderly",'
    '"extras":{"dogs":0,"mopeds":0,"seal_registration":[0]}}'
    '"care_certified":true,"card":false,"sex":"F","relation":"妻","relation":"子","relation":"母",'
    '"nationality":"'
    '"subjects":[0],'
    '"notifier":0,"members":[{"family":"'
    '"old":{"postal":"","address":"","building":"","head":"'
    '{"v":2,"event":"move_in","date":"2026-04-01","phone":"090-","new":{"postal":"","address":"北海道","building":"'
    '"},{"family":"","given":"","family_kana":"","given_kana":"","birth":"19'
    '","sex":"M","relation":"世帯主","insurance":"nhi","card":true,"care_certified":false},'
)
