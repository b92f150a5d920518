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

# Packages and archives: ZIP members with a fixed date, gzip without a
# timestamp, so that the bytes are the same on every run.
import gzip
import io
import os
import tarfile
import zipfile


def write_zip(path, members, method=zipfile.ZIP_DEFLATED):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 3, 10, 0, 0))
            info.compress_type = method
            z.writestr(info, data)


def zip_bytes(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 5, 3, 10, 0, 0)), data)
    return out.getvalue()


def gz(data):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as f:
        f.write(data)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DC = ('xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:dcterms="http://purl.org/dc/terms/"')
write_zip("office/report.docx", [
    ("[Content_Types].xml", "<Types/>"),
    ("word/document.xml",
     f"<w:document {W}><w:body><w:p><w:r><w:t>Quarterly lighthouse report</w:t></w:r></w:p>"
     "<w:p><w:r><w:t xml:space=\"preserve\">The keeper </w:t></w:r><w:r><w:t>polished</w:t>"
     "</w:r><w:r><w:tab/><w:t>the lens.</w:t></w:r><w:r><w:delText>strikethroughword</w:delText>"
     "</w:r><w:r><w:instrText>fieldcodeword</w:instrText></w:r></w:p></w:body></w:document>"),
    ("word/footnotes.xml",
     f"<w:footnotes {W}><w:footnote><w:p><w:r><w:t>Paraffin was delivered late.</w:t></w:r>"
     "</w:p></w:footnote></w:footnotes>"),
    ("docProps/core.xml",
     f"<cp:coreProperties xmlns:cp=\"cp\" {DC}><dc:title>Lighthouse report, spring</dc:title>"
     "<dc:creator>Ada Keeper</dc:creator><dcterms:created>2024-05-03T10:00:00Z</dcterms:created>"
     "<cp:keywords>lamp, lens</cp:keywords></cp:coreProperties>"),
])
O = ('xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
     'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"')
write_zip("office/minutes.odt", [
    ("mimetype", "application/vnd.oasis.opendocument.text"),
    ("content.xml",
     f"<office:document-content {O}><office:body><office:text>"
     "<text:h>Harbour committee minutes</text:h><text:p>The ferry<text:s text:c=\"2\"/>timetable"
     " changes in <text:span>spring</text:span>.</text:p><text:tracked-changes><text:p>"
     "deletedodfword</text:p></text:tracked-changes></office:text></office:body>"
     "</office:document-content>"),
    ("meta.xml",
     f"<office:document-meta {O} xmlns:meta=\"m\" {DC}><office:meta><meta:initial-creator>"
     "Bo Clerk</meta:initial-creator><dc:language>en-GB</dc:language></office:meta>"
     "</office:document-meta>"),
], zipfile.ZIP_STORED)
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
write_zip("office/deck.pptx", [
    ("ppt/slides/slide10.xml", f"<p:sld xmlns:p=\"p\" {A}><a:p><a:r><a:t>Glacier retreat"
                               "</a:t></a:r></a:p></p:sld>"),
    ("ppt/slides/slide2.xml", f"<p:sld xmlns:p=\"p\" {A}><a:p><a:r><a:t>Orchard yields</a:t>"
                              "</a:r></a:p><a:p><a:r><a:t>by valley</a:t></a:r></a:p></p:sld>"),
    ("ppt/notesSlides/notesSlide2.xml", f"<p:notes xmlns:p=\"p\" {A}><a:p><a:r><a:t>"
                                        "Mention the apricots</a:t></a:r></a:p></p:notes>"),
])
write_zip("office/sheet.xlsx", [
    ("xl/sharedStrings.xml",
     "<sst><si><t>Cycling budget</t></si><si><r><t>Bicycle </t></r><r><t>lanes</t></r>"
     "<rPh><t>phoneticreading</t></rPh></si></sst>"),
])
write_zip("epub/book.epub", [
    ("mimetype", "application/epub+zip"),
    ("META-INF/container.xml",
     "<container><rootfiles><rootfile full-path=\"OEBPS/content.opf\"/></rootfiles></container>"),
    ("OEBPS/content.opf",
     f"<package {DC}><metadata><dc:title>The Tide Book</dc:title><dc:creator>Cy Writer"
     "</dc:creator><dc:language>en</dc:language></metadata><manifest>"
     "<item id=\"c2\" href=\"Text/ch%202.xhtml\"/><item id=\"c1\" href=\"Text/ch1.xhtml\"/>"
     "<item id=\"x\" href=\"Text/extra.xhtml\"/></manifest><spine><itemref idref=\"c1\"/>"
     "<itemref idref=\"c2\"/></spine></package>"),
    ("OEBPS/Text/ch1.xhtml",
     "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>One</title></head><body>"
     "<h1>Chapter one</h1><p>The tide rose over the causeway.</p></body></html>"),
    ("OEBPS/Text/ch 2.xhtml", "<html><body><p>Gulls followed the trawler home.</p></body></html>"),
    ("OEBPS/Text/extra.xhtml", "<html><body><p>notinspineword</p></body></html>"),
])
write_zip("archive/bundle.zip", [
    ("notes/plan.md", "# Boathouse plan\n\nRepaint the boathouse before the regatta.\n"),
    ("img.png", b"\x89PNG\r\n\x1a\n" + bytes(32)),
    ("inner.zip", zip_bytes([("deep/note.txt", "Tide table\nnestedarchiveword at low water\n"),
                             ("broken.zip", b"PK\x03\x04notreadword")])),
    ("logs/app.log.gz", gz(b"warning: pump pressure low\n")),
    ("data.jsonl", '{"id":"a","title":"Walrus","text":"walrus sighting"}\n'
                   '{"id":"b","text":"seal colony"}\n'),
])
with open("archive/logs.tar.gz", "wb") as f:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as t:
        for name, data in [("./var/one.txt", b"Snowplough schedule\nroads cleared at dawn\n"),
                           ("var/two.html", b"<title>Two</title><p>avalanche warning</p>")]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    f.write(gz(raw.getvalue()))
write_zip("archive/bomb.zip", [
    ("small.txt", "Small note\n\nkittiwake nests\n"),
    ("zeros.txt", "0" * (2 << 20)),
    ("after.txt", "After note\n\nfulmar nests\n"),
])
with open("text/diary.txt.gz", "wb") as f:
    f.write(gz("Heron diary\n\nA heron stood in the reeds.\n".encode()))
with open("office/broken.docx", "wb") as f:
    f.write(b"not a zip package at all")
with open("other/bad.gz", "wb") as f:
    f.write(b"\x1f\x8b\x08\x00truncated")

# RTF: code page 1251 bytes, \uN with fallbacks, a field, skipped groups
# (font table, picture, header, an unknown \* destination, binary data).
os.makedirs("rtf", exist_ok=True)
with open("rtf/minutes.rtf", "wb") as f:
    f.write(b"{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}"
            b"{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator Riched20 10.0;}"
            b"{\\info{\\title Pier committee minutes}{\\author Olga Berg}"
            b"{\\creatim\\yr2024\\mo5\\dy3\\hr10\\min0}{\\keywords pier, repairs}}"
            b"{\\header headerword\\par}\\pard\\plain\\f0 The \\b pier\\b0  repairs begin in "
            b"\\'ec\\'e0\\'e5 (" + "май".encode("cp1251") + b").\\par "
            b"Na\\u239?ve plans {\\field{\\*\\fldinst HYPERLINK \"http://example.org\"}"
            b"{\\fldrslt harbourmaster}} agreed.\\par"
            b"{\\pict\\pngblip 89504e470d0a1a0a}{\\*\\unknowndest secretdestword}"
            b"\\uc2\\u8220\\'93\\'94quoted\\u8221\\'94\\'94 words\\par"
            b"{\\object\\objdata {\\bin4 \x00\x01\x02\x03}}\\tab tabbed\\par}")
# Word's "save as .doc" often writes RTF: found by its first bytes.
with open("other/letter.doc", "wb") as f:
    f.write(b"{\\rtf1\\ansi Lock keeper letter\\par The sluice gates need grease.\\par}")
