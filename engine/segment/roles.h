// Section roles: from heading words first, then from position and content for parts without a telling heading.
#pragma once

#include <string_view>

#include "core/document.h"

namespace fazhi::seg {

// The role a heading names, or kNone. When it names two parts, coordinated ones give the first
// ("存在的问题及原因分析" → shortcomings) and otherwise the head noun, which comes last ("存在问题的原因" → causes);
// cues that follow a verb naming an action are not parts ("制定年度工作计划", "整改存在的问题", "补齐短板").
// Rectification parts (kRectification): a heading that reports rectification work as its head phrase
// ("整改情况", "2022年度存在问题整改情况", "关于上年度督察反馈问题整改落实情况"), or that puts the problems it names in an
// earlier year by its words (上年度/上一年/去年… with 存在问题 or 整改). "存在不足及整改情况" — the problems coordinated
// with their fixing — stays kShortcomings here: whose problems they are is settled by the year (RefineRectification).
SectionRole RoleFromHeading(std::string_view heading);

// The heading's words say its problems are an earlier year's ("上年度存在问题", "上一年度问题整改情况").
bool NamesPastYearProblems(std::string_view heading);
// The heading speaks of rectification (整改) at all.
bool NamesRectification(std::string_view heading);

// Whether a section inside a part of role `outer` (the nearest classified ancestor; kNone at the top) may carry
// role `inner` of its own. A part under 存在的问题 or 下一步工作安排 keeps its ancestor's meaning even when its
// heading mentions 第一责任 ("(一)持续落实法治建设第一责任仍待深化" is a shortcoming, not a duty report).
bool RoleFitsInside(SectionRole inner, SectionRole outer);

// Content pass after the tree is built: top-level numbered parts that name no role and come before the first
// shortcomings/causes/plan part are the year's measures (Longhua's 一…七 report work done under headings like
// "积极统筹部署和指导监督，高效推进法治政府建设").
// Then RefineRectification with the year the headings themselves name (HeadingReferenceYear).
void AssignPositionalRoles(Document& doc, const std::vector<bool>& synthetic);

// The year the report's own headings say it covers: the one year named by its top-level measures headings
// ("一、2025年法治政府建设工作成效"), else the one year in the title line; 0 when they name none or disagree.
int HeadingReferenceYear(const Document& doc);

// A shortcomings part whose heading speaks of 整改 and names only years before `year` (the year the report
// covers) is a rectification part: "二、2024年存在不足及整改情况" in a report on 2025. Parts inside it lose roles
// that do not fit in it. Called after segmentation with the headings' own year, and again once metadata knows the
// covered year (pipeline).
void RefineRectification(Document& doc, int year);

}  // namespace fazhi::seg
