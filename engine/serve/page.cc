// The pages fazhi serve shows (server.h): Chinese, no external assets (inline CSS, JS and SVG), works offline.
// The workbench is one page over the JSON API (docs/serve.md): upload (drag and drop, many files, progress), the
// list of checks, a check's gaps with 同意 / 误判 and a note per verdict, downloads, the full HTML report, and the
// history of an issuer across years (an inline-SVG chart and the issuers × years table), and the rules page: a YAML
// editor with line numbers for the files of the user's rules folder, lint messages marked at their lines, the
// examples run, the versions, and the preview of changed verdicts. Every text from a report or a rule is put into
// the page as text (textContent), never as markup.
#include "serve/server.h"

namespace fazhi {

const char* WorkbenchPageHtml() {
  return R"html(<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>fazhi 法治政府建设年度报告核查工作台</title>
<style>
:root{--ink:#1d2733;--muted:#5b6776;--line:#d8dee6;--accent:#1d4f91;--pass:#1e7b3a;--partial:#a86100;--fail:#b3261e;--bg:#f6f8fa}
*{box-sizing:border-box}body{margin:0;font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg);font-size:15px;line-height:1.55}
header{background:var(--accent);color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center}
header h1{font-size:1.1rem;margin:0;font-weight:600}header nav a{color:#fff;text-decoration:none;margin-right:1rem;opacity:.85}header nav a.on{opacity:1;border-bottom:2px solid #fff}
main{max-width:1320px;margin:0 auto;padding:1rem}
section.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem;margin-bottom:1rem}
h2{font-size:1.05rem;margin:.1rem 0 .8rem}
#drop{border:2px dashed #9fb3cc;border-radius:6px;padding:1.4rem;text-align:center;color:var(--muted);cursor:pointer}
#drop.over{background:#eaf1fb;border-color:var(--accent)}
.meta{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.7rem}.meta label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted);flex:1 1 9rem}
input,select,button,textarea{font:inherit}input,select,textarea{padding:.35rem .45rem;border:1px solid var(--line);border-radius:4px;width:100%}
input[type=checkbox]{width:auto;vertical-align:middle}
button{padding:.35rem .8rem;border:1px solid var(--accent);background:#fff;color:var(--accent);border-radius:4px;cursor:pointer}
button.primary{background:var(--accent);color:#fff}button:disabled{opacity:.5;cursor:default}
.progress{margin-top:.6rem}.progress div{display:flex;gap:.6rem;align-items:center;font-size:.9rem;margin:.2rem 0}
.progress progress{flex:0 0 8rem}.err{color:var(--fail)}
.table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}tr.row{cursor:pointer}tr.row:hover{background:#f0f4f9}
.score{font-size:2rem;font-weight:700}.chip{display:inline-block;padding:0 .45rem;border-radius:3px;font-size:.8rem;color:#fff;white-space:nowrap}
.v-pass{background:var(--pass)}.v-partial{background:var(--partial)}.v-fail{background:var(--fail)}.v-other{background:#6b7785}
.counts span{margin-right:1rem}.downloads a{margin-right:.8rem}
.result{border-top:1px solid var(--line);padding:.7rem 0}.result h3{font-size:.98rem;margin:.1rem 0 .3rem}.rule-id{color:var(--muted);font-size:.8rem}
.quote{background:#f3f5f8;border-left:3px solid #9fb3cc;padding:.3rem .6rem;margin:.35rem 0;font-size:.9rem}
.review{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.4rem}.review input.note{flex:1 1 12rem;width:auto}.review select{width:auto}
.reviewed{font-size:.85rem;color:var(--pass)}.muted{color:var(--muted)}
iframe{width:100%;height:70vh;border:1px solid var(--line);border-radius:4px;background:#fff}
svg text{font-size:12px;fill:var(--muted)}
.editor{display:flex;border:1px solid var(--line);border-radius:4px;height:60vh;min-height:16rem;background:#fff;overflow:hidden}
.gutter{flex:0 0 auto;min-width:3.2rem;padding:.4rem .4rem .4rem 0;text-align:right;color:var(--muted);background:#f3f5f8;border-right:1px solid var(--line);overflow:hidden;user-select:none}
.gutter div,.editor textarea{font-family:ui-monospace,"Noto Sans Mono CJK SC",Consolas,monospace;font-size:14px;line-height:20px}
.gutter div{height:20px;padding-left:.3rem}.gutter div.bad{background:#f9d9d6;color:var(--fail);font-weight:700}.gutter div.warn{background:#fbecd2;color:var(--partial)}
.editor textarea{flex:1 1 auto;border:0;border-radius:0;padding:.4rem .5rem;resize:none;white-space:pre;overflow:auto;tab-size:2}
.editor textarea:focus{outline:2px solid #9fb3cc;outline-offset:-2px}
.toolbar{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.6rem 0}.toolbar select{width:auto;max-width:100%}.toolbar input{flex:0 1 10rem;width:auto}
.diag{border-left:3px solid var(--fail);padding:.2rem .6rem;margin:.3rem 0;background:#fdf3f2;cursor:pointer}.diag.warning{border-color:var(--partial);background:#fdf7ec}
.diag code{font-size:.85rem}.ok{color:var(--pass)}
@media (max-width:600px){.editor{height:50vh}main{padding:.5rem}section.card{padding:.7rem}.score{font-size:1.6rem}.hide-narrow{display:none}}
</style></head>
<body>
<header><h1>fazhi 法治政府建设年度报告核查</h1><nav><a href="#/" id="nav-checks">核查</a><a href="#/history" id="nav-history">历年对比</a><a href="#/rules" id="nav-rules">规则</a></nav></header>
<main id="app"></main>
<script>
"use strict";
const VERDICT_ZH={pass:"符合",partial:"部分符合",fail:"不符合",not_applicable:"不适用",not_checkable:"无法判断",waived:"已豁免",error:"错误"};
const LEVEL_ZH={province:"省级",city:"市级",district:"区级",county:"县级",township:"乡镇",department:"部门",other:"其他"};
const app=document.getElementById("app");
function el(tag,attrs,...kids){const e=document.createElement(tag);for(const[k,v]of Object.entries(attrs||{})){if(k==="class")e.className=v;else if(k.startsWith("on"))e.addEventListener(k.slice(2),v);else if(v!==null&&v!==undefined)e.setAttribute(k,v);}for(const k of kids.flat()){if(k===null||k===undefined)continue;e.append(k instanceof Node?k:String(k));}return e;}
function chip(v){return el("span",{class:"chip "+(["pass","partial","fail"].includes(v)?"v-"+v:"v-other")},VERDICT_ZH[v]||v);}
function fmtScore(s){return s===null||s===undefined?"—":(Math.round(s*10)/10).toFixed(1);}
async function api(path,opts){const r=await fetch(path,Object.assign({credentials:"same-origin"},opts||{}));let body=null;const t=r.headers.get("content-type")||"";if(t.includes("json"))body=await r.json();else body=await r.text();if(!r.ok)throw new Error((body&&body.error)||("请求失败："+r.status));return body;}
function setNav(which){for(const n of["checks","history","rules"])document.getElementById("nav-"+n).className=which===n?"on":"";}

// ---- upload and the list of checks ----
function viewChecks(){
  setNav("checks");app.textContent="";
  const input=el("input",{type:"file",multiple:"",id:"file-input",style:"display:none",accept:".txt,.html,.htm,.docx,.pdf,.doc,.wps,.ofd"});
  const drop=el("div",{id:"drop",tabindex:"0",role:"button"},"把报告文件拖到这里，或点击选择文件（可多选：TXT、HTML、DOCX、PDF、DOC、WPS、OFD）");
  const year=el("input",{type:"number",id:"meta-year",min:"1990",max:"2100",placeholder:"自动识别"});
  const level=el("select",{id:"meta-level"},el("option",{value:""},"自动识别"),...Object.entries(LEVEL_ZH).map(([k,v])=>el("option",{value:k},v)));
  const issuer=el("input",{type:"text",id:"meta-issuer",placeholder:"自动识别"});
  const progress=el("div",{class:"progress",id:"progress"});
  drop.addEventListener("click",()=>input.click());
  drop.addEventListener("keydown",e=>{if(e.key==="Enter"||e.key===" ")input.click();});
  drop.addEventListener("dragover",e=>{e.preventDefault();drop.classList.add("over");});
  drop.addEventListener("dragleave",()=>drop.classList.remove("over"));
  drop.addEventListener("drop",e=>{e.preventDefault();drop.classList.remove("over");uploadAll([...e.dataTransfer.files]);});
  input.addEventListener("change",()=>{uploadAll([...input.files]);input.value="";});
  const filter=el("input",{type:"search",id:"filter",placeholder:"按文件名或发布机关筛选"});
  const tbody=el("tbody",{id:"checks-body"});
  app.append(
    el("section",{class:"card"},el("h2",{},"上传报告"),drop,input,
      el("div",{class:"meta"},el("label",{},"报告年度（可选）",year),el("label",{},"层级（可选）",level),el("label",{},"发布机关（可选）",issuer)),progress),
    el("section",{class:"card"},el("h2",{},"核查记录"),filter,
      el("div",{class:"table-wrap"},el("table",{},el("thead",{},el("tr",{},el("th",{},"文件"),el("th",{},"发布机关"),el("th",{},"年度"),el("th",{},"得分"),el("th",{class:"hide-narrow"},"不符合 / 部分"),el("th",{class:"hide-narrow"},"时间"))),tbody))));
  filter.addEventListener("input",()=>loadList(tbody,filter.value));
  loadList(tbody,"");
  function uploadAll(files){
    let next=0;const rows=files.map(f=>{const bar=el("progress",{max:"100",value:"0"});const state=el("span",{},"等待上传");const row=el("div",{},el("span",{},f.name),bar,state);progress.append(row);return{f,bar,state};});
    const worker=()=>{if(next>=rows.length)return Promise.resolve();const r=rows[next++];return uploadOne(r).then(worker);};
    Promise.all([worker(),worker()]).then(()=>loadList(tbody,filter.value));
  }
  function uploadOne(r){
    return new Promise(resolve=>{
      const fd=new FormData();fd.append("file",r.f,r.f.name);
      if(year.value)fd.append("year",year.value);if(level.value)fd.append("level",level.value);if(issuer.value)fd.append("issuer",issuer.value);
      const x=new XMLHttpRequest();x.open("POST","/api/checks");
      x.upload.onprogress=e=>{if(e.lengthComputable){r.bar.value=Math.round(e.loaded*100/e.total);r.state.textContent=e.loaded<e.total?"上传中":"核查中";}};
      x.onload=()=>{let b=null;try{b=JSON.parse(x.responseText);}catch(e){}
        if(x.status===201&&b&&b.checks&&b.checks[0]){const c=b.checks[0];r.bar.value=100;r.state.textContent="";
          if(c.status==="done")r.state.append(el("a",{href:"#/check/"+c.id},"完成，查看结果"));else{r.state.className="err";r.state.textContent="无法核查："+(c.error||"");}}
        else{r.state.className="err";r.state.textContent=(b&&b.error)||("上传失败："+x.status);}resolve();};
      x.onerror=()=>{r.state.className="err";r.state.textContent="连接中断";resolve();};
      x.send(fd);});
  }
}
async function loadList(tbody,q){
  let data;try{data=await api("/api/checks?q="+encodeURIComponent(q||""));}catch(e){tbody.textContent="";tbody.append(el("tr",{},el("td",{colspan:"6",class:"err"},e.message)));return;}
  tbody.textContent="";
  if(!data.checks.length)tbody.append(el("tr",{},el("td",{colspan:"6",class:"muted"},"还没有核查记录。")));
  for(const c of data.checks){
    const tr=el("tr",{class:"row","data-id":c.id},el("td",{},c.name),el("td",{},c.issuer||"—"),el("td",{},c.year||"—"),
      el("td",{},c.status==="done"?fmtScore(c.score):el("span",{class:"err"},c.status==="running"?"核查中":"失败")),
      el("td",{class:"hide-narrow"},c.counts&&c.counts.fail!==undefined?c.counts.fail+" / "+c.counts.partial:"—"),el("td",{class:"hide-narrow"},c.created.replace("T"," ").replace("Z"," UTC")));
    tr.addEventListener("click",()=>{location.hash="#/check/"+c.id;});tbody.append(tr);}
}

// ---- one check: score, downloads, gaps with reviews, the full HTML report ----
async function viewCheck(id){
  setNav("checks");app.textContent="";
  let report,reviews;
  try{report=await api("/api/checks/"+id);reviews=(await api("/api/checks/"+id+"/reviews")).reviews;}
  catch(e){app.append(el("section",{class:"card"},el("p",{class:"err"},e.message),el("a",{href:"#/"},"返回核查记录")));return;}
  if(!report.schema){app.append(el("section",{class:"card"},el("p",{class:"err"},"这次核查没有完成："+(report.error||"")),el("a",{href:"#/"},"返回核查记录")));return;}
  const reviewed={};for(const r of reviews)reviewed[r.rule]=r;
  const d=report.document,s=report.score,c=s.counts;
  const downloads=el("div",{class:"downloads"},"下载：",...[["xlsx","Excel 表格"],["html","网页"],["md","Markdown"],["csv","CSV"],["json","JSON"]].map(([f,n])=>el("a",{href:"/api/checks/"+id+"/report."+f+"?download=1"},n)));
  const packs=el("div",{class:"counts"},...Object.entries(s.packs).map(([p,v])=>el("span",{},p+"："+fmtScore(v))));
  app.append(el("section",{class:"card"},
    el("a",{href:"#/"},"← 核查记录"),
    el("h2",{},d.title||d.path),
    el("div",{},el("span",{class:"score",id:"total-score"},fmtScore(s.total)),el("span",{class:"muted"}," 总分（满分 100）")),
    el("div",{class:"muted"},[d.issuer||"发布机关未识别",d.year?d.year+" 年度":"年度未识别",LEVEL_ZH[d.level]||""].join(" · "),
      d.issuer?[" · ",el("a",{href:"#/history?issuer="+encodeURIComponent(d.issuer)},"历年对比")]:null),
    el("div",{class:"counts"},el("span",{},"符合 "+c.pass),el("span",{},"部分符合 "+c.partial),el("span",{},"不符合 "+c.fail),el("span",{},"不适用 "+c.not_applicable),el("span",{},"无法判断 "+c.not_checkable)),
    packs,downloads));
  const all=el("input",{type:"checkbox",id:"show-all"});
  const list=el("div",{id:"results"});
  app.append(el("section",{class:"card"},el("h2",{},"差距与审核"),el("label",{},all," 显示全部结果（默认只显示不符合和部分符合）"),list));
  const full=el("section",{class:"card"},el("h2",{},"完整报告"),el("details",{},el("summary",{},"展开网页版报告"),el("iframe",{src:"/api/checks/"+id+"/report.html",title:"完整报告",sandbox:""})));
  app.append(full);
  const render=()=>{list.textContent="";for(const r of report.results){if(!all.checked&&!["fail","partial"].includes(r.verdict))continue;list.append(resultBlock(id,r,reviewed));}
    if(!list.children.length)list.append(el("p",{class:"muted"},"没有需要整改的差距。"));};
  all.addEventListener("change",render);render();
}
function resultBlock(id,r,reviewed){
  const block=el("div",{class:"result","data-rule":r.rule});
  const ev=(r.evidence||[]).slice(0,2).map(e=>el("div",{class:"quote"},e.quote,e.line?el("span",{class:"muted"}," （第 "+e.line+" 行）"):null));
  const note=el("input",{type:"text",class:"note",placeholder:"备注（可选）"});
  const state=el("span",{class:"reviewed"});
  const show=rv=>{state.textContent=rv?(rv.verdict===r.verdict?"已审核：同意":"已审核：误判，应为“"+(VERDICT_ZH[rv.verdict]||rv.verdict)+"”")+(rv.note?"（"+rv.note+"）":""):"";};
  show(reviewed[r.rule]);
  const choices=Object.keys(VERDICT_ZH).filter(v=>v!==r.verdict&&v!=="waived"&&v!=="error");
  const correct=el("select",{class:"correct",style:"display:none","aria-label":"正确的结论"},...choices.map(v=>el("option",{value:v},"应为："+VERDICT_ZH[v])));
  const save=el("button",{class:"save",style:"display:none"},"保存");
  const send=async verdict=>{try{await api("/api/checks/"+id+"/reviews",{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify({rule:r.rule,verdict,note:note.value})});
      const rv={verdict,note:note.value};reviewed[r.rule]=rv;show(rv);correct.style.display="none";save.style.display="none";}catch(e){state.textContent=e.message;state.className="err";}};
  const agree=el("button",{class:"agree"},"同意");agree.addEventListener("click",()=>send(r.verdict));
  const wrong=el("button",{class:"wrong"},"误判");wrong.addEventListener("click",()=>{correct.style.display="";save.style.display="";});
  save.addEventListener("click",()=>send(correct.value));
  block.append(el("div",{},chip(r.verdict)," ",el("span",{class:"rule-id"},r.rule)),el("h3",{},r.title),el("div",{},r.message),...ev,
    r.remedy?el("div",{class:"muted"},"整改建议："+r.remedy):null,
    el("div",{class:"review"},agree,wrong,correct,save,note,state));
  return block;
}

// ---- history: an issuer across years, the issuers × years table ----
async function viewHistory(issuer){
  setNav("history");app.textContent="";
  let table;try{table=(await api("/api/issuers")).issuers;}catch(e){app.append(el("p",{class:"err"},e.message));return;}
  const years=[...new Set(table.flatMap(t=>Object.keys(t.years)))].sort();
  const head=el("tr",{},el("th",{},"发布机关"),...years.map(y=>el("th",{},y)));
  const body=el("tbody",{},...table.map(t=>el("tr",{},el("td",{},el("a",{href:"#/history?issuer="+encodeURIComponent(t.issuer)},t.issuer)),
    ...years.map(y=>el("td",{},t.years[y]?el("a",{href:"#/check/"+t.years[y].check},fmtScore(t.years[y].score)):"—")))));
  const card=el("section",{class:"card",id:"history"});
  app.append(card,el("section",{class:"card"},el("h2",{},"各发布机关历年得分"),el("div",{class:"table-wrap"},el("table",{},el("thead",{},head),body))));
  if(!issuer){card.append(el("h2",{},"历年对比"),el("p",{class:"muted"},table.length?"在下表中选择一个发布机关。":"还没有已识别发布机关和年度的核查记录。"));return;}
  let h;try{h=await api("/api/history?issuer="+encodeURIComponent(issuer));}catch(e){card.append(el("p",{class:"err"},e.message));return;}
  card.append(el("h2",{},issuer+" · 历年对比"),chart(h.years));
  const rows=h.years.map(y=>el("tr",{},el("td",{},el("a",{href:"#/check/"+y.check},y.year+" 年度")),el("td",{},fmtScore(y.score)),el("td",{},String(y.gaps.length))));
  card.append(el("div",{class:"table-wrap"},el("table",{},el("thead",{},el("tr",{},el("th",{},"年度"),el("th",{},"总分"),el("th",{},"差距数"))),el("tbody",{},...rows))));
  if(h.recurring.length)card.append(el("h2",{},"反复出现的差距"),el("ul",{},...h.recurring.map(r=>el("li",{},r.title||r.rule," ",el("span",{class:"muted"},"（"+r.years.join("、")+" 年度）")))));
}
function chart(years){
  const NS="http://www.w3.org/2000/svg",W=640,H=220,L=40,R=16,T=14,B=30;
  const svg=document.createElementNS(NS,"svg");svg.setAttribute("viewBox","0 0 "+W+" "+H);svg.setAttribute("role","img");svg.setAttribute("aria-label","历年总分");svg.setAttribute("id","score-chart");svg.style.width="100%";svg.style.maxWidth=W+"px";
  const mk=(t,a,txt)=>{const e=document.createElementNS(NS,t);for(const[k,v]of Object.entries(a))e.setAttribute(k,v);if(txt!==undefined)e.textContent=txt;svg.append(e);return e;};
  const pts=years.filter(y=>y.score!==null);
  const x=i=>L+(pts.length<2?(W-L-R)/2:i*(W-L-R)/(pts.length-1)),y=s=>T+(100-s)*(H-T-B)/100;
  for(const g of[0,25,50,75,100]){mk("line",{x1:L,x2:W-R,y1:y(g),y2:y(g),stroke:"#e3e8ee"});mk("text",{x:L-6,y:y(g)+4,"text-anchor":"end"},String(g));}
  if(pts.length>1)mk("polyline",{points:pts.map((p,i)=>x(i)+","+y(p.score)).join(" "),fill:"none",stroke:"#1d4f91","stroke-width":"2"});
  pts.forEach((p,i)=>{mk("circle",{cx:x(i),cy:y(p.score),r:4,fill:"#1d4f91"});mk("text",{x:x(i),y:H-10,"text-anchor":"middle"},String(p.year));mk("text",{x:x(i),y:y(p.score)-8,"text-anchor":"middle"},fmtScore(p.score));});
  if(!pts.length)mk("text",{x:W/2,y:H/2,"text-anchor":"middle"},"没有得分");
  return svg;
}

// ---- rules: the YAML editor of the user's rules folder, lint at the lines, examples, versions, preview ----
async function viewRules(path){
  setNav("rules");app.textContent="";
  let files;try{files=await api("/api/rules/files");}catch(e){app.append(el("p",{class:"err"},e.message));return;}
  const card=el("section",{class:"card"},el("h2",{},"规则编辑"));app.append(card);
  if(!files.editable||!files.files.length){card.append(el("p",{class:"muted"},files.editable?"规则文件夹中没有 .yaml 文件。":"服务启动时没有指定 --rules 文件夹：只有该文件夹中的规则可以在这里修改（内置规则不能修改）。请管理员用 fazhi serve --rules 文件夹 启动。"));return;}
  if(!path||!files.files.includes(path))path=files.files[0];
  const pick=el("select",{id:"rule-file","aria-label":"规则文件"},...files.files.map(f=>el("option",{value:f},f)));pick.value=path;
  pick.addEventListener("change",()=>{location.hash="#/rules?path="+encodeURIComponent(pick.value);});
  const who=el("input",{type:"text",id:"rule-who",placeholder:"修改人（可选）"});
  const gutter=el("div",{class:"gutter",id:"gutter","aria-hidden":"true"});
  const ta=el("textarea",{id:"rule-text",spellcheck:"false",wrap:"off","aria-label":"规则文件内容（YAML）"});
  const save=el("button",{class:"primary",id:"rule-save"},"检查并保存");
  const preview=el("button",{id:"rule-preview"},"预览对已核查报告的影响");
  const status=el("div",{id:"rule-status",role:"status"});
  const diags=el("div",{id:"lint"});
  const previewBox=el("div",{id:"preview"});
  const versions=el("div",{id:"versions"});
  card.append(el("p",{class:"muted"},"修改后先检查：规则语法（lint）和所改规则的示例都通过才保存；保存后新的核查立即使用修改后的规则，已有记录不变。"),
    el("div",{class:"toolbar"},el("label",{},"文件 ",pick),who,save,preview),el("div",{class:"editor"},gutter,ta),status,diags);
  app.append(el("section",{class:"card"},el("h2",{},"预览：哪些结论会改变"),previewBox),el("section",{class:"card"},el("h2",{},"历史版本"),versions));
  let marks={};
  const lines=()=>{const n=ta.value.split("\n").length;gutter.textContent="";for(let i=1;i<=n;i++)gutter.append(el("div",{class:marks[i]||null,"data-line":i},i));gutter.scrollTop=ta.scrollTop;};
  ta.addEventListener("input",lines);ta.addEventListener("scroll",()=>{gutter.scrollTop=ta.scrollTop;});
  const goLine=n=>{const pos=ta.value.split("\n").slice(0,n-1).reduce((a,l)=>a+l.length+1,0);ta.focus();ta.setSelectionRange(pos,pos);ta.scrollTop=Math.max(0,(n-4)*20);};
  const showDiags=(list,ex)=>{diags.textContent="";marks={};
    for(const d of list){const mine=d.file===pick.value;if(mine&&d.line)marks[d.line]=d.level==="error"?"bad":(marks[d.line]||"warn");
      const where=(mine?"":d.file+" ")+(d.line?"第 "+d.line+" 行"+(d.column?" 第 "+d.column+" 列":""):"");
      const item=el("div",{class:"diag "+d.level,"data-line":d.line||"","data-code":d.code},el("strong",{},(d.level==="error"?"错误":"提示")+(where?"（"+where+"）":"")),"：",
        d.summary?d.summary+" · ":"",el("code",{},d.code)," ",d.message,d.hint?el("div",{class:"muted"},"建议："+d.hint):null);
      if(mine&&d.line)item.addEventListener("click",()=>goLine(d.line));diags.append(item);}
    const errors=list.filter(d=>d.level==="error").length;
    if(ex)diags.append(el("div",{class:"muted",id:"examples-run"},ex.run?"示例："+ex.run+" 条，"+(ex.failed?ex.failed+" 条未通过":"全部通过"):(errors?"示例未运行：先改正上面的错误。":"这个文件没有示例。")));lines();};
  const showVersions=list=>{versions.textContent="";if(!list.length){versions.append(el("p",{class:"muted"},"还没有通过工作台保存的修改。"));return;}
    versions.append(el("div",{class:"table-wrap"},el("table",{},el("thead",{},el("tr",{},el("th",{},"版本"),el("th",{},"时间"),el("th",{},"修改人"),el("th",{class:"hide-narrow"},"SHA-256"),el("th",{},""))),
      el("tbody",{},...list.map(v=>{const load=el("button",{},"载入编辑器");load.addEventListener("click",async()=>{try{const x=await api("/api/rules/versions/"+v.id);ta.value=x.content;marks={};lines();status.className="muted";status.textContent="已载入版本 "+v.id+"（未保存）";}catch(e){status.className="err";status.textContent=e.message;}});
        return el("tr",{class:"version"},el("td",{},String(v.id)),el("td",{},v.when.replace("T"," ").replace("Z"," UTC")),el("td",{},v.who||"—"),el("td",{class:"hide-narrow"},el("code",{},v.sha256.slice(0,12))),el("td",{},load));})))));};
  let file;try{file=await api("/api/rules/file?path="+encodeURIComponent(path));}catch(e){status.className="err";status.textContent=e.message;return;}
  ta.value=file.content;lines();showVersions(file.versions);
  const send=async(method,url)=>{const r=await fetch(url,{method,credentials:"same-origin",headers:{"Content-Type":"text/yaml; charset=utf-8"},body:ta.value});let b=null;try{b=await r.json();}catch(e){}return{status:r.status,body:b||{}};};
  save.addEventListener("click",async()=>{save.disabled=true;status.className="muted";status.textContent="正在检查……";
    try{const r=await send("PUT","/api/rules/file?path="+encodeURIComponent(pick.value)+"&who="+encodeURIComponent(who.value));
      if(r.status===200){status.className="ok";status.textContent="已保存：版本 "+r.body.version+"。之后的核查使用修改后的规则。";showDiags(r.body.diagnostics,r.body.examples);showVersions(r.body.versions);}
      else if(r.status===422){status.className="err";status.textContent="未保存："+r.body.diagnostics.filter(d=>d.level==="error").length+" 个错误，请按下面的提示修改。";showDiags(r.body.diagnostics,r.body.examples);}
      else{status.className="err";status.textContent=r.body.error||("保存失败："+r.status);}}
    catch(e){status.className="err";status.textContent="连接中断";}save.disabled=false;});
  preview.addEventListener("click",async()=>{preview.disabled=true;previewBox.textContent="正在用修改后的规则重新核查已保存的报告……";
    try{const r=await send("POST","/api/rules/preview?path="+encodeURIComponent(pick.value));previewBox.textContent="";
      if(r.status===422){previewBox.append(el("p",{class:"err"},"规则有错误，无法预览，请先按提示修改。"));showDiags(r.body.diagnostics,r.body.examples);}
      else if(r.status!==200)previewBox.append(el("p",{class:"err"},r.body.error||("预览失败："+r.status)));
      else{showDiags(r.body.diagnostics,r.body.examples);
        previewBox.append(el("p",{class:"muted"},"重新核查了 "+r.body.documents+" 份报告（每份文件的最近一次核查）"+(r.body.truncated?"，更早的报告未包括":"")+"；"+(r.body.changes.length?r.body.changes.length+" 项结论会改变：":"没有结论会改变。")));
        if(r.body.changes.length)previewBox.append(el("div",{class:"table-wrap"},el("table",{},el("thead",{},el("tr",{},el("th",{},"规则"),el("th",{},"原结论 → 新结论"),el("th",{},"报告"),el("th",{class:"hide-narrow"},"原文"))),
          el("tbody",{},...r.body.changes.map(c=>el("tr",{class:"change"},el("td",{},c.title||c.rule,el("div",{class:"rule-id"},c.rule)),el("td",{},c.before?chip(c.before):"—"," → ",c.after?chip(c.after):"—"),
            el("td",{},el("a",{href:"#/check/"+c.check},c.name)),el("td",{class:"hide-narrow"},c.quote?el("div",{class:"quote"},c.quote):"—")))))));}}
    catch(e){previewBox.textContent="";previewBox.append(el("p",{class:"err"},"连接中断"));}preview.disabled=false;});
}

function route(){
  const h=location.hash||"#/";
  let m;
  if(h.startsWith("#/rules")){const q=new URLSearchParams(h.split("?")[1]||"");return viewRules(q.get("path")||"");}
  if((m=h.match(/^#\/check\/(\d+)$/)))return viewCheck(m[1]);
  if(h.startsWith("#/history")){const q=new URLSearchParams(h.split("?")[1]||"");return viewHistory(q.get("issuer")||"");}
  return viewChecks();
}
window.addEventListener("hashchange",route);route();
</script>
</body></html>
)html";
}

const char* LoginPageHtml() {
  return R"html(<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 · fazhi 核查工作台</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem;color:#1d2733}
input,button{font-size:1rem;padding:.5rem;width:100%;box-sizing:border-box;margin:.4rem 0}button{background:#1d4f91;color:#fff;border:0;border-radius:4px}</style></head>
<body><h1>fazhi 核查工作台</h1><p>本服务需要令牌。请输入管理员提供的令牌：</p>
<form method="post" action="/login"><input type="password" name="token" autocomplete="current-password" aria-label="令牌" autofocus>
<button type="submit">登录</button></form></body></html>)html";
}

}  // namespace fazhi
