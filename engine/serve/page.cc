// The pages fazhi serve shows (server.h): Chinese, no external assets.
#include "serve/server.h"

namespace fazhi {

const char* WorkbenchPageHtml() {
  return R"html(<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>fazhi 法治政府建设年度报告核查</title></head>
<body><h1>fazhi 核查工作台</h1><p>接口见 /api/checks。</p></body></html>)html";
}

const char* LoginPageHtml() {
  return R"html(<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 · fazhi 核查工作台</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem;color:#1d2733}
input,button{font-size:1rem;padding:.5rem;width:100%;box-sizing:border-box;margin:.4rem 0}button{background:#1d4f91;color:#fff;border:0;border-radius:4px}</style></head>
<body><h1>fazhi 核查工作台</h1><p>本服务需要令牌。请输入管理员提供的令牌：</p>
<form method="post" action="/login"><input type="password" name="token" autocomplete="current-password" aria-label="令牌" autofocus>
<button type="submit">登录</button></form></body></html>)html";
}

}  // namespace fazhi
