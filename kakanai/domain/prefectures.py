"""The prefecture an address is in, read from its text: a prefecture's name at the start, or a
designated city (政令指定都市) written without it. 後期高齢者医療 is run by one 広域連合 per
prefecture, so a move within a prefecture keeps the insurance."""

from __future__ import annotations

PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県",
    "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県",
    "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県",
    "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県",
    "宮崎県", "鹿児島県", "沖縄県",
)
_DESIGNATED = {
    "札幌市": "北海道", "仙台市": "宮城県", "さいたま市": "埼玉県", "千葉市": "千葉県", "横浜市": "神奈川県",
    "川崎市": "神奈川県", "相模原市": "神奈川県", "新潟市": "新潟県", "静岡市": "静岡県", "浜松市": "静岡県",
    "名古屋市": "愛知県", "京都市": "京都府", "大阪市": "大阪府", "堺市": "大阪府", "神戸市": "兵庫県",
    "岡山市": "岡山県", "広島市": "広島県", "北九州市": "福岡県", "福岡市": "福岡県", "熊本市": "熊本県",
}


def prefecture_of(address: str) -> str | None:
    """The prefecture an address is in, or None when its text does not say (a town name alone)."""
    text = address.strip().replace(" ", "").replace("\u3000", "")
    for name in PREFECTURES:
        if text.startswith(name):
            return name
    for name, prefecture in _DESIGNATED.items():
        if text.startswith(name):
            return prefecture
    return None
