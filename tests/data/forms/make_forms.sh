#!/usr/bin/env bash
# Regenerates the ingest fixtures: the sample report in every published form (text encodings, HTML, DOCX, PDF)
# and the bad inputs (PDF without text, encrypted PDF, broken DOCX), each made with a real tool, not by hand.
# Needs (Debian 12): python3-docx python3-reportlab qpdf opencc libc-bin (iconv) zip. The outputs are checked in,
# so the test suite itself does not need these tools. Usage: tests/data/forms/make_forms.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
sample="$root/reports/samples/hongqiao-2020.txt"
py=/usr/bin/python3   # Debian's python3, where python3-docx and python3-reportlab are installed
cd "$here"

# 1. Text encodings.
iconv -f UTF-8 -t GB18030 "$sample" > hongqiao.gb18030.txt
{ printf '\xEF\xBB\xBF'; sed 's/$/\r/' "$sample"; } > hongqiao.utf8-bom-crlf.txt
{ printf '\xFF\xFE'; iconv -f UTF-8 -t UTF-16LE "$sample"; } > hongqiao.utf16le.txt
{ printf '\xFE\xFF'; iconv -f UTF-8 -t UTF-16BE "$sample"; } > hongqiao.utf16be.txt
# Traditional characters (OpenCC simplified → traditional), in UTF-8 and in Big5.
opencc -c s2t.json -i "$sample" -o hongqiao.trad.txt
# OpenCC writes a few variants that Big5 lacks (爲 羣 衆 着 邨): use the Big5 forms of the same characters.
sed -e 's/爲/為/g; s/羣/群/g; s/衆/眾/g; s/着/著/g; s/邨/村/g; s/\xe2\x80\x83/ /g' hongqiao.trad.txt \
  | iconv -f UTF-8 -t BIG5 > hongqiao.big5.txt
# A UTF-8 file with two invalid bytes in the middle (a damaged download).
"$py" - "$sample" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
mid = data.index('二、存在的问题与不足'.encode())
open('invalid-utf8-middle.txt', 'wb').write(data[:mid] + b'\xff\xfe' + data[mid:])
PY

# 2. The report as a saved government web page (GBK, like many older sites), a Word attachment and a PDF.
"$py" - "$sample" <<'PY'
import re, sys, datetime
from xml.sax.saxutils import escape
lines = [l.strip() for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
title_i = next(i for i, l in enumerate(lines) if l.startswith('天津市红桥区人民政府关于'))
end_i = lines.index('2021226')
title, info, body = lines[title_i], lines[title_i + 1], lines[title_i + 2:end_i + 1]
top = re.compile(r'^[一二三四五六七八九十]+、')

# --- HTML: header bar, navigation, breadcrumb, the article, a share/print bar, related links, footer, scripts.
paras = []
for l in body:
    if top.match(l):
        paras.append('<h3>%s</h3>' % escape(l))
    elif l == '2021226':
        paras.append('<p style="text-align:right">%s</p>' % escape(l))
    else:
        paras.append('<p style="text-indent:2em">&nbsp;&nbsp;\u3000\u3000%s</p>' % escape(l))
src, pub = info.split(' ', 1)
html = f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{escape(title)}_天津市红桥区人民政府</title>
<meta name="ArticleTitle" content="{escape(title)}" />
<meta name="PubDate" content="2021-02-26 18:20" />
<meta name="ContentSource" content="司法局" />
<link rel="stylesheet" href="/css/style.css" />
<style type="text/css">.article h1 {{ font-size: 22px; }} .wza a {{ color: #333; }}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="top-bar"><div class="w1200"><span class="date">天津市红桥区人民政府 2019年12月3日星期二</span>
<div class="wza"><a href="javascript:void(0)" id="wza">无障碍</a> <a href="#" id="jt">简体</a>|<a href="#" id="ft">繁体</a></div></div></div>
<div class="header"><img src="/images/logo.png" alt="天津市红桥区人民政府" /></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/zjhq/">走进红桥</a></li></ul></div>
<div class="container">
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/fzzf/">法治政府建设</a></div>
<div class="article">
<h1>{escape(title)}</h1>
<div class="info"><span class="source">{escape(src)}</span> <span class="pubtime">{escape(pub)}</span>
<span class="fontsize">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="TRS_Editor" id="zoom">
{chr(10).join(paras)}
</div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h4>相关链接</h4><ul><li><a href="/qcsm.html">关于《天津市红桥区人民政府2020年度法治政府建设工作报告》的起草说明</a></li></ul></div>
</div>
<div class="footer"><p><a href="/gywm/">关于我们</a> | <a href="/syb/">使用帮助</a> | <a href="/wzsm/">网站声明</a> | <a href="/wzdt/">网站地图</a></p>
<p>主办：天津市红桥区人民政府办公室</p><p>网站标识码：1201060001 ICP备案编号：津ICP备10201451号</p>
<p>津公网安备：12010602120171号</p></div>
<script src="/js/jquery.min.js"></script><script>$(function(){{ $("#zoom").css("font-size","16px"); }});</script>
</body>
</html>
'''
open('hongqiao.html', 'wb').write(html.encode('gbk', errors='xmlcharrefreplace'))

# --- DOCX (python-docx): the title as Title, 一、 parts as Heading 1, （一） parts as Heading 2, the rest Normal.
import docx
from docx.shared import Pt
d = docx.Document()
d.core_properties.title = title
d.core_properties.author = '红桥区司法局'
d.core_properties.created = datetime.datetime(2021, 2, 26, 10, 0, 0)
d.add_heading(title, level=0)
d.add_paragraph(info)
sub = re.compile(r'^\([一二三四五六七八九十]+\)')
for l in body:
    if top.match(l):
        d.add_heading(l, level=1)
    elif sub.match(l):
        d.add_heading(l, level=2)
    else:
        d.add_paragraph(l)
d.save('hongqiao.docx')

# --- A small DOCX with a table, a tab, a line break, a Chinese heading style name and an outline level.
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
t = docx.Document()
t.core_properties.title = '表格测试'
st = t.styles.add_style('标题 1', WD_STYLE_TYPE.PARAGRAPH)
st.base_style = t.styles['Normal']
h = t.add_paragraph('一、基本情况', style=st)
p = t.add_paragraph('2020年共办理行政复议案件')
r = p.add_run(); r.add_tab(); r.add_text('35件')
r = p.add_run(); r.add_break(); r.add_text('同比增长10%。')
ol = t.add_paragraph('二、数据统计')
ppr = ol._p.get_or_add_pPr(); lvl = OxmlElement('w:outlineLvl'); lvl.set(qn('w:val'), '0'); ppr.append(lvl)
tab = t.add_table(rows=3, cols=3)
for i, row in enumerate([('项目', '2019年', '2020年'), ('行政复议', '30', '35'), ('行政诉讼', '12', '9')]):
    for j, v in enumerate(row):
        tab.cell(i, j).text = v
t.add_paragraph('特此报告。')
t.save('tables.docx')

# --- PDF (reportlab, Adobe STSong-Light CID font, not embedded: poppler-data maps it back to Unicode),
# A4, justified CJK wrapping, page numbers "- n -" at the foot of each page, like a printed report.
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import SimpleDocTemplate, Paragraph
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
f = 'STSong-Light'
s_title = ParagraphStyle('t', fontName=f, fontSize=18, leading=28, alignment=TA_CENTER, wordWrap='CJK', spaceAfter=12)
s_info = ParagraphStyle('i', fontName=f, fontSize=10, leading=16, alignment=TA_CENTER, wordWrap='CJK', spaceAfter=12)
s_h = ParagraphStyle('h', fontName=f, fontSize=14, leading=24, wordWrap='CJK', spaceBefore=6)
s_b = ParagraphStyle('b', fontName=f, fontSize=12, leading=20, wordWrap='CJK', firstLineIndent=24)
s_r = ParagraphStyle('r', fontName=f, fontSize=12, leading=20, alignment=TA_RIGHT, wordWrap='CJK')
def foot(c, doc):
    c.setFont(f, 10)
    c.drawCentredString(A4[0] / 2, 30, '- %d -' % doc.page)
flow = [Paragraph(escape(title), s_title), Paragraph(escape(info), s_info)]
for l in body:
    style = s_h if top.match(l) or sub.match(l) else s_r if l == '2021226' else s_b
    flow.append(Paragraph(escape(l), style))
pdf = SimpleDocTemplate('hongqiao.pdf', pagesize=A4, title=title, author='红桥区司法局')
pdf.build(flow, onFirstPage=foot, onLaterPages=foot)

# --- A "scanned" PDF: two pages of drawn shapes, no text layer at all.
from reportlab.pdfgen import canvas
c = canvas.Canvas('no-text.pdf', pagesize=A4)
for page in range(2):
    for k in range(30):
        c.rect(72, 760 - k * 22, 400 - (k * 37) % 120, 10, fill=1, stroke=0)
    c.showPage()
c.save()
PY

# 3. Bad containers: an encrypted PDF (qpdf, AES-256, user password), a truncated DOCX, a zip with no
#    word/document.xml (an ODF-like archive).
qpdf --encrypt secret owner 256 -- hongqiao.pdf encrypted.pdf
head -c 4000 hongqiao.docx > truncated.docx
rm -rf zip-tmp && mkdir zip-tmp && (cd zip-tmp && printf 'hello' > readme.txt && mkdir -p word && printf '<x/>' > word/styles.xml && zip -q -X ../no-document.docx readme.txt word/styles.xml) && rm -rf zip-tmp

ls -l "$here"
