#!/usr/bin/env python3
"""Writes the encoded sample files of tests/data/formats (run from this folder).

The texts are written here in UTF-8 and saved in the encoding each file tests,
so every byte of the test data can be regenerated and checked.
"""

FRENCH = ("Crème brûlée à Noël\n\n"
          "Le chef a préparé une crème brûlée pour la fête de Noël. "
          "Les invités ont goûté le café et la pâtisserie du marché. "
          "Déjà l'année prochaine, le menu sera différent.\n")
RUSSIAN = ("Новые санкции против банков\n\n"
           "Правительство объявило новые санкции против нескольких банков. "
           "Министр финансов заявил, что меры вступят в силу в понедельник. "
           "Эксперты считают, что рынок отреагирует спокойно, а курс рубля не изменится.\n")
JAPANESE = ("東京の図書館が再開\n\n"
            "東京都内の図書館は改修工事を終えて、来週から再び利用できるようになります。"
            "新しい閲覧室には多くの本が並び、子どもたちのための読書会も開かれる予定です。"
            "館長は市民の皆さんに来館を呼びかけています。\n")
CHINESE = ("北京举办国际象棋比赛\n\n"
           "北京本周举办了一场国际象棋比赛，来自十二个国家的选手参加了比赛。"
           "冠军是一名年轻的棋手，他在最后一轮战胜了上届冠军。"
           "组织者表示明年将继续举办这项活动。\n")
GERMAN = ("Grüße aus der Hauptstraße\n\n"
          "Die Bäckerei in der Hauptstraße öffnet früh. Müller kauft dort täglich Brötchen "
          "und grüßt die Nachbarn. Im Winter ist die Straße ruhig.\n")

FILES = [
    ("text/latin1.txt", FRENCH, "windows-1252"),
    ("text/cp1251.txt", RUSSIAN, "windows-1251"),
    ("text/koi8r.txt", RUSSIAN.replace("Новые", "Свежие"), "koi8-r"),
    ("text/shift_jis.txt", JAPANESE, "shift_jis"),
    ("text/gb18030.txt", CHINESE, "gb18030"),
    ("text/utf16le-bom.txt", GERMAN, "utf-16"),      # Python writes a LE BOM
    ("text/utf16be-bom.txt", GERMAN, "utf-16-be-bom"),
    ("text/utf32-bom.txt", GERMAN, "utf-32"),
    ("text/utf8-bom.txt", FRENCH, "utf-8-sig"),
]

for path, text, encoding in FILES:
    if encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    with open(path, "wb") as f:
        f.write(data)

with open("text/crlf.txt", "wb") as f:
    f.write("Windows line endings\r\n\r\nThe ferry timetable uses carriage returns.\r\n"
            .encode())
with open("text/invalid-utf8.txt", "wb") as f:
    f.write(b"Broken bytes inside\n\nThe lighthouse keeper \xff\xfe wrote \xc3 a logbook.\n")
with open("other/blob.dat", "wb") as f:
    f.write(bytes(range(256)) * 4)
with open("other/picture.png", "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + bytes(64))
