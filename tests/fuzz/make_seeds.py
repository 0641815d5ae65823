#!/usr/bin/env python3
# Writes the small seed corpora under tests/fuzz/corpus/<target>/ from the sample report, the shipped rules and
# the form fixtures (each seed a few KiB at most). Re-run after changing it: python3 tests/fuzz/make_seeds.py
import io, os, zipfile, zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'tests', 'fuzz', 'corpus')
SAMPLE = open(os.path.join(ROOT, 'reports', 'samples', 'hongqiao-2020.txt'), encoding='utf-8').read()
SEP = '\n#---\n'

def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode('utf-8')
    open(os.path.join(d, name), 'wb').write(data)

def head(chars):
    return SAMPLE[:chars]

def tail(chars):
    return SAMPLE[-chars:]

def read(rel):
    return open(os.path.join(ROOT, rel), 'rb').read()

class FixedZip(zipfile.ZipFile):
    """Fixed timestamps, so re-running this script leaves the seeds byte-identical."""
    def writestr(self, name, data, *args, **kwargs):
        info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(info, data)

def docx(body_xml, extra=None, core=None):
    b = io.BytesIO()
    with FixedZip(b, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr('word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body_xml + '</w:body></w:document>')
        if core:
            z.writestr('docProps/core.xml', core)
        for k, v in (extra or {}).items():
            z.writestr(k, v)
    return b.getvalue()

def para(text, style=None, outline=None):
    ppr = ''
    if style or outline is not None:
        ppr = '<w:pPr>' + (f'<w:pStyle w:val="{style}"/>' if style else '') + (f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else '') + '</w:pPr>'
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'

def pdf(lines):
    # A minimal one-page PDF with Helvetica text (ASCII only), with a correct xref table.
    content = 'BT /F1 12 Tf 72 720 Td ' + ' '.join(f'({l}) Tj 0 -16 Td' for l in lines) + ' ET'
    objs = ['<< /Type /Catalog /Pages 2 0 R >>',
            '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
            f'<< /Length {len(content)} >>\nstream\n{content}\nendstream',
            '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    out = '%PDF-1.4\n'
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += f'{i} 0 obj\n{o}\nendobj\n'
    x = len(out)
    out += f'xref\n0 {len(objs)+1}\n0000000000 65535 f \n' + ''.join(f'{o:010d} 00000 n \n' for o in offs)
    out += f'trailer\n<< /Size {len(objs)+1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n'
    return out.encode('latin-1')

def shared_pdf(pages, lines):
    # Many pages that all show one shared content stream (issue #17: a small PDF with hundreds of MB of text).
    content = '\n'.join(f'BT /F1 1 Tf 5 {845 - i * 8} Td (law law law {i}) Tj ET' for i in range(lines))
    objs = {1: '<< /Type /Catalog /Pages 2 0 R >>',
            2: '<< /Type /Pages /Kids [' + ' '.join(f'{10 + i} 0 R' for i in range(pages)) + f'] /Count {pages} >>',
            3: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
            4: f'<< /Length {len(content)} >>\nstream\n{content}\nendstream'}
    for i in range(pages):
        objs[10 + i] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 850] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>'
    out, offs = '%PDF-1.4\n', {}
    for k in sorted(objs):
        offs[k] = len(out)
        out += f'{k} 0 obj\n{objs[k]}\nendobj\n'
    x, size = len(out), max(objs) + 1
    out += f'xref\n0 {size}\n0000000000 65535 f \n' + ''.join(f'{offs[k]:010d} 00000 n \n' if k in offs else '0000000000 65535 f \n' for k in range(1, size))
    out += f'trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n'
    return out.encode('latin-1')

# --- yaml_loader: pack.yaml + rule file, or a rule file alone
put('yaml_loader', 'report-pack', read('rules/report/pack.yaml') + SEP.encode() + read('rules/report/rules.yaml'))
put('yaml_loader', 'outline-2021-part9', read('rules/outline-2021/pack.yaml') + SEP.encode() + read('rules/outline-2021/part9-technology.yaml'))
put('yaml_loader', 'rules-only', read('rules/outline-2021/part4-decisions.yaml'))
put('yaml_loader', 'tiny', 'rules:\n  - id: a1\n    title: t\n    cite: c\n    check: {mention: {any: [政务公开], scope: sentence}}\n    examples:\n      - {text: "区政府推进政务公开。", expect: pass}\n')
put('yaml_loader', 'regex', 'rules:\n  - id: r1\n    title: t\n    cite: c\n    check: {regex: {pattern: "第[一二三]条"}}\n')

# --- text_reader: the same text in several encodings, plus damaged UTF-8
t = head(1200)
put('text_reader', 'utf8.txt', t)
put('text_reader', 'utf8-bom-crlf.txt', b'\xef\xbb\xbf' + t.replace('\n', '\r\n').encode('utf-8'))
put('text_reader', 'gb18030.txt', t.encode('gb18030', errors='replace'))
put('text_reader', 'big5.txt', '天津市紅橋區人民政府關於2020年度法治政府建設工作情況的報告\n一、主要舉措和成效\n'.encode('big5', errors='replace'))
put('text_reader', 'utf16le.txt', b'\xff\xfe' + t[:400].encode('utf-16-le'))
put('text_reader', 'utf16be.txt', b'\xfe\xff' + t[:400].encode('utf-16-be'))
put('text_reader', 'damaged.txt', t.encode('utf-8')[:600] + b'\xff\xfe\xc3' + t.encode('utf-8')[600:1200])

# --- html_reader
body = ''.join(f'<p>{l}</p>' for l in head(900).split('\n') if l.strip())
put('html_reader', 'page.html', f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title><meta name="PubDate" content="2021-02-26 18:20"></head><body><div class="nav"><a href="/">首页</a></div><div class="TRS_Editor"><h1>关于2020年度法治政府建设工作情况的报告</h1>{body}<table><tr><td>指标</td><td>数量</td></tr><tr><td>案件</td><td>12件</td></tr></table></div><script>var x=1;</script></body></html>')
put('html_reader', 'gbk.html', ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><h2>一、主要举措</h2><p>' + head(300) + '</p></body></html>').encode('gb18030', errors='replace'))
put('html_reader', 'fixture-head.html', read('tests/data/forms/hongqiao.html')[:3000])
put('html_reader', 'stray-end-tags.html', '<html><body>' + '<div></x>' * 300 + '法治政府建设</body></html>')
put('html_reader', 'deep-parse-errors.html', '<html><body>' + '<div>' * 200 + '</x><p>法治</p>' * 300 + '</body></html>')

# --- docx_reader
core = '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>法治政府建设报告</dc:title><dcterms:created>2021-02-26T10:00:00Z</dcterms:created></cp:coreProperties>'
paras = ''.join(para(l) for l in head(700).split('\n') if l.strip())
put('docx_reader', 'small.docx', docx(para('关于2020年度法治政府建设工作情况的报告', style='Title') + para('一、主要举措', outline=0) + paras +
    '<w:tbl><w:tr><w:tc>' + para('指标') + '</w:tc><w:tc>' + para('12件') + '</w:tc></w:tr></w:tbl>', core=core))
put('docx_reader', 'no-document.docx', read('tests/data/forms/no-document.docx'))
put('docx_reader', 'truncated.docx', read('tests/data/forms/truncated.docx'))

# --- docx_xml: document.xml [#--- styles.xml [#--- core.xml]]
styles = ('<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          '<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
          '<w:style w:styleId="A1"><w:name w:val="标题 2"/><w:basedOn w:val="Heading1"/></w:style>'
          '<w:style w:styleId="B"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style></w:styles>')
body = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + para('关于2020年度法治政府建设工作情况的报告', style='Title') + para('一、主要举措', style='Heading1') + para('（一）加强领导', style='A1')
        + '<w:sdt><w:sdtContent>' + paras + '</w:sdtContent></w:sdt>'
        + '<w:p><w:r><w:t>执法</w:t></w:r><w:ins><w:r><w:t>新增</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>'
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:tab/><w:br/></w:r></w:p>'
        + '<w:tbl><w:tr><w:tc>' + para('指标') + '</w:tc><w:tc><w:tbl><w:tr><w:tc>' + para('嵌套') + '</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>'
        + '</w:body></w:document>')
put('docx_xml', 'document', body)
put('docx_xml', 'document-styles-core', body + SEP + styles + SEP + core)

# --- pdf_reader
put('pdf_reader', 'text.pdf', pdf(['Annual report 2021', 'I. Main measures', 'The government held 3 meetings on rule of law.', '2022-03-01']))
put('pdf_reader', 'no-text.pdf', read('tests/data/forms/no-text.pdf'))
put('pdf_reader', 'shared-content.pdf', shared_pdf(40, 30))

# --- ofd_reader: small OFD packages (pages with text, a template page, a CTM, DeltaX "g" repeats), written here
OFD_NS = 'http://www.ofdspec.org/2016'
def ofd_page(objects):
    return f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Template TemplateID="2"/><ofd:Content><ofd:Layer ID="1">{objects}</ofd:Layer></ofd:Content></ofd:Page>'
def ofd_text(x, y, text, size=5, extra=''):
    return f'<ofd:TextObject ID="9" Boundary="{x} {y} 160 8" Size="{size}"{extra}><ofd:TextCode X="0" Y="{size}" DeltaX="g {max(len(text) - 1, 0)} {size}">{text}</ofd:TextCode></ofd:TextObject>'
OFD_XML = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
           '<ofd:Title>红桥区2020年度法治政府建设工作情况的报告</ofd:Title><ofd:Author>司法局</ofd:Author><ofd:CreationDate>2021-02-26</ofd:CreationDate>'
           '</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody></ofd:OFD>')
OFD_DOCUMENT = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData>'
                '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages>'
                '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="3" BaseLoc="/Doc_0/Pages/Page_1/Content.xml"/>'
                '</ofd:Pages></ofd:Document>')
lines = [l for l in head(1200).split('\n') if l.strip()][:12]
page0 = ''.join(ofd_text(30 if k % 3 else 40, 30 + 8 * k, l[:30]) for k, l in enumerate(lines))
page1 = (ofd_text(30, 30, '二、存在的问题') + ofd_text(0, 0, '旋转', 209, ' CTM="0 0.0176 -0.0176 0 100 100"')
         + '<ofd:PageBlock><ofd:ImageObject ID="5" Boundary="0 0 10 10"/></ofd:PageBlock>' + ofd_text(90, 280, '- 2 -', 3.5))
template = ofd_page(ofd_text(80, 10, '天津市红桥区人民政府', 7))
def ofd(pages):
    b = io.BytesIO()
    with FixedZip(b, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('OFD.xml', OFD_XML)
        z.writestr('Doc_0/Document.xml', OFD_DOCUMENT)
        z.writestr('Doc_0/Tpls/Tpl_0/Content.xml', template)
        z.writestr('Doc_0/Signs/Signatures.xml', f'<ofd:Signatures xmlns:ofd="{OFD_NS}"><ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>')
        for k, p in enumerate(pages):
            z.writestr(f'Doc_0/Pages/Page_{k}/Content.xml', p)
    return b.getvalue()
put('ofd_reader', 'report.ofd', ofd([ofd_page(page0), ofd_page(page1)]))
put('ofd_reader', 'scan.ofd', ofd([ofd_page('<ofd:ImageObject ID="5" Boundary="0 0 210 297"/>'), ofd_page('')]))

# --- ofd_xml: page Content.xml [#--- Document.xml [#--- OFD.xml [#--- template page]]]
put('ofd_xml', 'page', ofd_page(page0))
put('ofd_xml', 'page-document-ofd-template', ofd_page(page1) + SEP + OFD_DOCUMENT.replace('Pages/Page_0/Content.xml', 'Pages/P0.xml').replace('/Doc_0/Pages/Page_1/Content.xml', 'Pages/P0.xml').replace('Tpls/Tpl_0/Content.xml', 'Tpls/T.xml') + SEP + OFD_XML + SEP + template)
put('ofd_xml', 'vertical', ofd_page('<ofd:TextObject Boundary="20 20 10 60" Size="6"><ofd:TextCode X="0" Y="6" DeltaY="g 2 6.35">购买方</ofd:TextCode><ofd:TextCode DeltaX="1.5 -67.5 g 3 2.5">12345</ofd:TextCode></ofd:TextObject>'))

# --- doc_reader and ole_file: LibreOffice-made Word 97-2003 files and an Excel sheet (tests/data/forms/make_word97.sh)
for name in ('truncated.doc', 'encrypted.doc', 'sheet.xls'):
    put('doc_reader', name, read('tests/data/forms/' + name))
    put('ole_file', name, read('tests/data/forms/' + name))
put('ole_file', 'hongqiao.doc', read('tests/data/forms/hongqiao.doc'))
put('doc_reader', 'hongqiao.doc', read('tests/data/forms/hongqiao.doc'))

# --- segmenter: control byte + text
for c, name in ((0x00, 'text'), (0x07, 'html-hints'), (0x2B, 'pdf-pages'), (0x36, 'docx-title')):
    put('segmenter', name, bytes([c]) + head(1500).encode('utf-8'))
put('segmenter', 'closing', bytes([0x00]) + tail(800).encode('utf-8'))
put('segmenter', 'enumeration', bytes([0x04]) + '二、存在的问题\n一是依法行政意识有待加强；二是执法队伍不够专业。三是……\n（一）加强领导\n1.全面提升效能。进一步深化改革。\n（1）细化\n①第一条\n特此报告。\n某某区人民政府\n2021年2月26日\n'.encode('utf-8'))

# --- numbers
for i, s in enumerate(['89459件，92.3%，1.2万余条，3100余万元，八个单位，百分之八十', '二〇二二年一月五日 2021年2月26日 2021-02-26 18:20',
                       '2021226', '（2021年12月31日）', '一千二百三十四万五千六百七十八', '两百零五', '2020年度 2021年 1999年', '2021/2/29 2020.2.29 9999-99-99']):
    put('numbers', f'n{i}', s)

# --- check: control byte (extension hint, xlsx) + document
put('check', 'text', bytes([0x04]) + head(2000).encode('utf-8'))
put('check', 'closing', bytes([0x00]) + tail(1500).encode('utf-8'))
put('check', 'html', bytes([0x05]) + read(os.path.join(OUT, 'html_reader', 'page.html')))
put('check', 'docx', bytes([0x06]) + read(os.path.join(OUT, 'docx_reader', 'small.docx')))
put('check', 'html-stray-end-tags', bytes([0x05]) + read(os.path.join(OUT, 'html_reader', 'stray-end-tags.html')))
put('check', 'script', bytes([0x04]) + '关于2021年度法治政府建设情况的报告\n一、主要举措\n<script>alert(1)</script>\n=HYPERLINK("http://x","y")\n'.encode('utf-8'))

# --- yaml_cache: YamlTree's cache form (engine/rules/yaml_tree.cc): "FZYT", u32 format 1, u32 node count, u32 child
# count; per node u8 kind (0 null, 1 scalar, 2 sequence, 3 map), u32 line, column, first child, child count, scalar
# length, scalar bytes; then the u32 child indices (a map's are key, value, key, value…). Little-endian, pre-order.
import struct

def tree_bytes(value):
    nodes, children = [], []
    def add(v, line):
        index = len(nodes)
        nodes.append(None)
        if isinstance(v, dict):
            kids = []
            for k, x in v.items():
                kids += [add(k, line + len(kids)), add(x, line + len(kids))]
            nodes[index] = (3, line, 0, len(children), len(kids), b'')
            children.extend(kids)
        elif isinstance(v, list):
            kids = [add(x, line + i) for i, x in enumerate(v)]
            nodes[index] = (2, line, 2, len(children), len(kids), b'')
            children.extend(kids)
        elif v is None:
            nodes[index] = (0, line, 4, 0, 0, b'')
        else:
            nodes[index] = (1, line, 4, 0, 0, str(v).encode('utf-8'))
        return index
    add(value, 0)
    out = b'FZYT' + struct.pack('<III', 1, len(nodes), len(children))
    for kind, line, col, first, count, text in nodes:
        out += struct.pack('<BIIIII', kind, line, col, first, count, len(text)) + text
    return out + b''.join(struct.pack('<I', c) for c in children)

put('yaml_cache', 'pack', tree_bytes({'pack': 'report', 'title': '年度报告内容要求', 'version': '1.0.0',
                                      'vocabularies': {'leaders': ['区长', '县长', '主要负责同志']}, 'settings': None}))
put('yaml_cache', 'rules', tree_bytes({'rules': [{'id': 'a1', 'title': 't', 'cite': 'c',
                                                  'check': {'mention': {'any': ['政务公开'], 'scope': 'sentence', 'min': 2}},
                                                  'examples': [{'text': '区政府推进政务公开。', 'expect': 'pass'}]}]}))
put('yaml_cache', 'scalar', tree_bytes('only a scalar'))

# --- xlsx_table: ledger tables in XLSX (`ledger import`, `review import`). A seed beginning "PK" is a whole workbook;
# any other is xl/worksheets/sheet1.xml [#--- xl/sharedStrings.xml [#--- xl/workbook.xml]], zipped by the target.
NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

def col_name(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def xesc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')

def shared_strings(strings):
    return (XML_HEAD + f'<sst xmlns="{NS_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            + ''.join(f'<si><t xml:space="preserve">{xesc(s)}</t></si>' for s in strings) + '</sst>')

def worksheet(rows_xml, merges=(), extra=''):
    m = ''
    if merges:
        m = f'<mergeCells count="{len(merges)}">' + ''.join(f'<mergeCell ref="{r}"/>' for r in merges) + '</mergeCells>'
    return XML_HEAD + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}"><sheetData>{rows_xml}</sheetData>{m}{extra}</worksheet>'

def shared_sheet(table, strings, index, first_row=1):
    """Rows of shared-string cells (an int cell is a number), as Excel and libxlsxwriter write them."""
    out = ''
    for r, cells in enumerate(table, first_row):
        cx = ''
        for c, v in enumerate(cells):
            if v is None or v == '':
                continue
            ref = f'{col_name(c)}{r}'
            if isinstance(v, int):
                cx += f'<c r="{ref}"><v>{v}</v></c>'
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cx += f'<c r="{ref}" t="s"><v>{index[v]}</v></c>'
        out += f'<row r="{r}" spans="1:{max(len(cells), 1)}">{cx}</row>'
    return out

def workbook_zip(sheets, strings):
    """A workbook laid out as libxlsxwriter writes it: sheets [(name, sheet xml)], one shared string table."""
    b = io.BytesIO()
    with FixedZip(b, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   + ''.join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
                   + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr('xl/workbook.xml', XML_HEAD + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_R}"><bookViews><workbookView activeTab="1"/></bookViews><sheets>'
                   + ''.join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, (n, _) in enumerate(sheets, 1)) + '</sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + ''.join(f'<Relationship Id="rId{i}" Type="{NS_R}/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
                   + f'<Relationship Id="rId{len(sheets) + 1}" Type="{NS_R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        for i, (_, xml) in enumerate(sheets, 1):
            z.writestr(f'xl/worksheets/sheet{i}.xml', xml)
        z.writestr('xl/sharedStrings.xml', shared_strings(strings))
    return b.getvalue()

# The 整改台账 workbook render/xlsx.cc writes (cover 封面, ledger 整改台账 with its 16 columns, frozen header,
# autofilter, the 复核结论 drop-down), three rows of it as a district fills them in for `review import`.
LEDGER_COLUMNS = ['序号', '规则编号', '同一要求的其他条目', '指标/要求', '依据', '核查结论', '严重程度', '问题描述', '证据/位置',
                  '工作整改', '报告补充', '责任单位', '整改时限', '状态', '复核意见', '复核结论']
ledger_rows = [LEDGER_COLUMNS,
    [1, 'duty/report-on-law', '', '党政主要负责人履行推进法治建设第一责任人职责', '《法治政府建设与责任落实督察工作规定》第二十五条',
     '报告未体现', '严重', '报告未写明主要负责人履行第一责任人职责的情况', '', '落实第一责任人职责', '补充主要负责人履职情况', '区司法局', '2022-06-30', '整改中', '', '同意'],
    [2, 'ledger-100/028', 'ledger-100/034', '报告应写明存在的不足和原因', '《规定》第二十五条', '体现不充分', '一般',
     '只列问题，未分析原因', '第3页：二、存在的问题', '', '补写原因分析', '区政府办', '2022-03-31', '已整改', '原因已补写', '误判-应为符合'],
    [3, 'ledger-100/093', '', '全面推行行政执法三项制度', '《法治政府建设实施纲要（2021—2025年）》', '报告未体现', '严重',
     '', '', '', '', '', '', '申请豁免', '本年度无执法事项', '']]
cover_rows = [['报告', '某某区人民政府关于2021年度法治政府建设情况的报告'], ['发布主体', '某某区人民政府'], ['层级', '区级'],
              ['年度', '2021'], ['发布/落款', '发布 2022-02-26'], ['文件', 'report.txt'], ['规则包', 'duty 1.0.0；ledger-100 1.0.0']]
strings, index = [], {}
cover = worksheet(shared_sheet(cover_rows, strings, index))
ledger_xml = worksheet(shared_sheet(ledger_rows, strings, index),
    extra='<autoFilter ref="A1:P4"/><dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="N2:N54"><formula1>"待整改,整改中,已整改,申请豁免"</formula1></dataValidation><dataValidation type="list" allowBlank="1" sqref="P2:P54"><formula1>"同意,误判-应为符合,误判-应为部分符合,误判-应为不符合,误判-应为不适用"</formula1></dataValidation></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/>')
ledger_xml = ledger_xml.replace('<sheetData>', '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols><col min="1" max="1" width="6.7109375" customWidth="1"/></cols><sheetData>')
put('xlsx_table', 'ledger.xlsx', workbook_zip([('封面', cover), ('整改台账', ledger_xml)], strings))

# An auditor's own 台账 as `ledger import` reads it: a merged title row, a merged category column, sheet XML only.
strings, index = [], {}
audit_rows = [['某某区2021年度法治政府建设督察整改台账'], ['序号', '类别', '工作任务', '具体要求', '责任单位', '完成时限', '依据'],
              ['一、依法全面履行政府职能'], [1, '政府职能', '深化“放管服”改革', '全面实行政府权责清单制度，动态调整权责清单', '区政务服务局', '2022年6月', '实施纲要'],
              [2, None, '优化法治化营商环境', '清理涉及不平等对待企业的规定，落实公平竞争审查制度', '区发改委', '2022年12月', '实施纲要']]
put('xlsx_table', 'audit-merged', worksheet(shared_sheet(audit_rows, strings, index), merges=['A1:G1', 'A3:G3', 'B4:B5'])
    + SEP + shared_strings(strings))

# A merged-range bomb (issue #17 item 4): a few rows of cells and many merges over the whole table, each filling
# every row × 200 columns with a copy of its top-left value; the target's max_merged_cells must stop it early.
# As sheet XML, and as the whole small workbook (deflated: a 40 KB sheet of merges zips to a few KiB).
bomb_rows = ''.join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>法治政府建设{r}</t></is></c></row>' for r in range(1, 21))
bomb_merges = [f"A{1 + i % 3}:GR{20 + i}" for i in range(100)]
put('xlsx_table', 'merged-range-bomb', worksheet(bomb_rows, merges=bomb_merges))
bomb_big = [f'A{1 + i % 7}:GR{5000 + i}' for i in range(1000)]
put('xlsx_table', 'merged-range-bomb.xlsx', workbook_zip([('整改台账', worksheet(bomb_rows, merges=bomb_big))], []))

# Shared-string indices out of range, negative, huge, empty, not numbers; a row number past INT_MAX and a cell
# reference with no letters.
oob = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
       '<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" t="s"><v>-1</v></c><c r="C2" t="s"><v>18446744073709551616</v></c>'
       '<c r="D2" t="s"><v></v></c><c r="E2" t="s"><v>1e3</v></c><c r="F2" t="s"/></row>'
       '<row r="2147483647"><c r="A2147483647" t="s"><v>1</v></c></row><row><c r="12" t="s"><v>0</v></c></row>')
put('xlsx_table', 'shared-strings-out-of-range', worksheet(oob) + SEP + shared_strings(['序号', '具体要求']))

# Inline strings with rich runs and phonetic runs, Excel's _xHHHH_ escapes (CR, a control character, a surrogate),
# formula strings, booleans, errors, numbers in exponent form; cells and rows without references.
inline = ('<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><r><t>具体</t></r><r><rPr><b/></rPr><t>要求</t></r><rPh sb="0" eb="2"><t>ヨウキュウ</t></rPh></is></c>'
          '<c r="C1" t="inlineStr"><is><t>责任_x000D_单位</t></is></c></row>'
          '<row r="2"><c r="A2"><v>1.5E+3</v></c><c r="B2" t="inlineStr"><is><t xml:space="preserve">  推进_x000A_严格规范公正文明执法_x0001__xD800_ </t></is></c>'
          '<c r="C2" t="str"><f>A1&amp;B1</f><v>区司法局</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#REF!</v></c></row>'
          '<row><c t="inlineStr"><is><t>2</t></is></c><c t="inlineStr"><is><t>完善行政复议体制</t></is></c></row>')
put('xlsx_table', 'inline-strings', worksheet(inline))

# As WPS Office saves a sheet: prefixed namespaces, an absolute relationship target, a workbook naming its sheet
# through a prefixed relationship id, rows and cells without r attributes, and the sheet under another name.
wps_sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="' + NS_MAIN + '" xmlns:r="' + NS_R + '">'
             '<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>序号</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>整改任务</x:t></x:is></x:c>'
             '<x:c t="inlineStr"><x:is><x:t>整改措施</x:t></x:is></x:c></x:row>'
             '<x:row><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>行政执法公示</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>全面推行行政执法公示制度，按时公开执法信息</x:t></x:is></x:c></x:row>'
             '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A2:A3"/></x:mergeCells></x:worksheet>')
b = io.BytesIO()
with FixedZip(b, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    z.writestr('xl/workbook.xml', XML_HEAD + f'<x:workbook xmlns:x="{NS_MAIN}" xmlns:rel="{NS_R}"><x:sheets><x:sheet name="Sheet1" sheetId="1" rel:id="rId5"/></x:sheets></x:workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="{NS_R}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>')
    z.writestr('xl/worksheets/data.xml', wps_sheet)
put('xlsx_table', 'wps-style.xlsx', b.getvalue())
