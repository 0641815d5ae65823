/* Writes reports/ledgers/county-tasks-2022.xlsx, an example ledger laid out like real ones: a merged title row,
   the header on row 2, the 一级指标 column merged over each group of rows. Build and run: ./make_xlsx.sh */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

struct Task {
  const char* area;  /* 一级指标: "" continues the group above (written as one merged cell) */
  const char* task, *requirement, *lead, *support, *deadline;
};

static const struct Task kTasks[] = {
  {"政府职能依法全面履行", "优化营商环境", "落实《优化营商环境条例》，开展营商环境评价，企业开办时间压缩至1个工作日以内。", "县发展改革局", "县市场监管局", "2022年12月"},
  {"", "证明事项告知承诺制", "全面推行证明事项和涉企经营许可事项告知承诺制，公布告知承诺事项清单。", "县司法局", "各相关部门", "2022年6月"},
  {"", "涉企收费目录清单", "公布涉企行政事业性收费目录清单，清单之外一律不得收费。", "县财政局", "县发展改革局", "2022年6月"},
  {"", "突发事件应急预案", "修订突发事件总体应急预案和专项应急预案，组织开展应急演练。", "县应急管理局", "各乡镇", "2022年9月"},
  {"依法行政制度体系完善", "规范性文件制定程序", "严格执行规范性文件起草、征求意见、合法性审核、集体审议和公布程序。", "县司法局", "县政府办", "长期坚持"},
  {"", "公平竞争审查", "对涉及市场主体经济活动的政策措施开展公平竞争审查，建立审查台账。", "县市场监管局", "各政策制定机关", "2022年12月"},
  {"重大行政决策科学民主合法", "决策公众参与", "涉及群众切身利益的重大行政决策事项向社会公开征求意见，并反馈意见采纳情况。", "县政府办", "各决策承办单位", "长期坚持"},
  {"", "专家论证和风险评估", "专业性、技术性较强的决策事项组织专家论证，可能引发社会稳定风险的开展社会稳定风险评估。", "县发展改革局", "县委政法委", "长期坚持"},
  {"", "决策后评估", "对实施满一年的重大行政决策开展决策后评估，评估结果作为调整决策的依据。", "县政府办", "各决策承办单位", "2022年11月"},
  {"行政执法严格规范公正文明", "行政执法事项清单", "编制并公布县级行政执法事项清单，实行动态调整。", "县司法局", "各执法部门", "2022年8月"},
  {"", "包容审慎监管", "推行“首违不罚”“轻微免罚”清单，对轻微违法行为依法不予行政处罚。", "县市场监管局", "县司法局", "2022年6月"},
  {"", "乡镇综合执法", "依法赋予乡镇行政执法权限，开展乡镇执法人员业务培训，配备执法装备。", "县委编办", "县司法局、各乡镇", "2022年12月"},
  {"", "重点领域执法", "加大食品药品、安全生产、生态环境等重点领域执法力度，依法查处违法行为。", "县市场监管局", "县应急管理局、市生态环境局县分局", "长期坚持"},
  {"", "行政执法监督", "建立行政执法监督员制度，开展行政执法监督检查和专项督查。", "县司法局", "各执法部门", "2022年10月"},
  {"行政权力制约监督科学有效", "败诉案件分析", "对行政诉讼败诉案件逐案分析原因，向败诉单位提出整改建议。", "县司法局", "县法院", "长期坚持"},
  {"", "审计监督", "开展领导干部经济责任审计和重大政策措施落实情况跟踪审计。", "县审计局", "", "2022年12月"},
  {"", "政府信息公开年度报告", "按时发布政府信息公开工作年度报告，依申请公开答复规范及时。", "县政府办", "各部门", "2022年1月"},
  {"社会矛盾纠纷依法有效化解", "行政调解", "完善行政调解制度，明确行政调解范围和程序，建立行政调解工作台账。", "县司法局", "各行政机关", "2022年9月"},
  {"", "信访工作法治化", "推进信访工作法治化，实行诉访分离，依法分类处理信访诉求。", "县信访局", "县法院、县司法局", "长期坚持"},
  {"", "人民调解组织网络", "健全人民调解组织网络，村（社区）人民调解委员会实现全覆盖。", "县司法局", "各乡镇", "2022年6月"},
  {"政府工作人员法治思维和依法行政能力全面提高", "领导干部法治培训", "将法治教育纳入干部教育培训总体规划，每年举办领导干部法治专题培训班。", "县委组织部", "县司法局", "2022年11月"},
  {"", "法治建设考核", "将法治建设成效纳入政府绩效考核指标体系，考核权重不低于5%。", "县委组织部", "县委依法治县办", "2022年12月"},
  {"法治政府建设组织领导落实到位", "法治督察", "开展法治政府建设督察，对督察发现的问题建立整改台账并跟踪销号。", "县委依法治县办", "", "2022年10月"},
  {"", "示范创建", "参与法治政府建设示范创建活动，对照示范指标体系查找差距、补齐短板。", "县委依法治县办", "县司法局", "2022年12月"},
};

int main(int argc, char** argv) {
  const char* out = argc > 1 ? argv[1] : "county-tasks-2022.xlsx";
  lxw_workbook* wb = workbook_new(out);
  if (!wb) return 1;
  lxw_doc_properties props = {0};
  props.title = "示例县2022年度法治政府建设重点任务分解表";
  props.created = 1640995200; /* 2022-01-01, fixed so the file is reproducible */
  workbook_set_properties(wb, &props);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "任务分解");
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 16);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_bg_color(head, 0xD9E1F2);
  lxw_format* cell = workbook_add_format(wb);
  format_set_text_wrap(cell);
  format_set_border(cell, LXW_BORDER_THIN);
  format_set_align(cell, LXW_ALIGN_VERTICAL_CENTER);

  static const char* kHeader[] = {"序号", "一级指标", "重点任务", "工作要求", "牵头单位", "配合单位", "完成时限"};
  static const double kWidths[] = {6, 18, 20, 56, 16, 20, 12};
  for (int c = 0; c < 7; ++c) worksheet_set_column(ws, c, c, kWidths[c], NULL);
  worksheet_merge_range(ws, 0, 0, 0, 6, "示例县2022年度法治政府建设重点任务分解表", title);
  for (int c = 0; c < 7; ++c) worksheet_write_string(ws, 1, c, kHeader[c], head);

  const int n = (int)(sizeof kTasks / sizeof kTasks[0]);
  int group_start = 2;
  for (int i = 0; i < n; ++i) {
    int row = 2 + i;
    worksheet_write_number(ws, row, 0, i + 1, cell);
    worksheet_write_string(ws, row, 2, kTasks[i].task, cell);
    worksheet_write_string(ws, row, 3, kTasks[i].requirement, cell);
    worksheet_write_string(ws, row, 4, kTasks[i].lead, cell);
    if (kTasks[i].support[0]) worksheet_write_string(ws, row, 5, kTasks[i].support, cell);
    else worksheet_write_blank(ws, row, 5, cell);
    worksheet_write_string(ws, row, 6, kTasks[i].deadline, cell);
    /* close the 一级指标 group when the next row starts a new one */
    if (i + 1 == n || kTasks[i + 1].area[0]) {
      const char* area = kTasks[group_start - 2].area;
      if (row > group_start) worksheet_merge_range(ws, group_start, 1, row, 1, area, cell);
      else worksheet_write_string(ws, row, 1, area, cell);
      group_start = row + 1;
    }
  }
  return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
