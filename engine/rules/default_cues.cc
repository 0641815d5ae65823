// Default negation / hedging cues and concrete actions. Words are matched inside one clause of the hit.
#include "rules/default_cues.h"

namespace fazhi {

const DefaultCues& GetDefaultCues() {
  static const DefaultCues kCues = {
      // negation: the thing is missing or insufficient ("尚未建立", "有待提高", "不够深入")
      {"尚未", "未能", "未曾", "没有", "暂无", "暂未", "有待", "不够", "不足", "缺乏", "欠缺", "仍需", "亟待",
       "亟需", "还需", "需进一步", "不到位", "不健全", "不完善", "不深入", "不强", "不高", "未"},
      // hedging: only intended, planned or promised ("拟出台", "计划于", "力争", "下一步")
      {"拟", "计划于", "计划在", "计划将", "将于", "准备", "力争", "争取", "下一步", "下步", "明年", "今后",
       "将进一步", "将继续", "将加快", "将全面"},
      // ignore: words containing a cue that are not one
      {"未成年", "未来", "未诉先办", "拟定", "模拟", "草拟", "起草拟", "准备金", "不足额", "争取到",
       "有待提升的", "力争上游",
       // contain an action word but are slogans or attributes, not actions
       "建立健全", "办理时限", "完成时限", "开展情况"},
      // actions: a concrete step taken (with a document title or a number these make a sentence concrete)
      {"制定", "印发", "出台", "修订", "修改", "发布", "建立", "成立", "设立", "组建", "建成", "召开", "主持",
       "开展", "举办", "完成", "办理", "办结", "审核", "审查", "受理", "调解", "聘请", "外聘", "约谈",
       "督办", "培训", "评查", "编制", "备案", "清理", "公布", "签订", "上线", "落实了", "通过了", "审议", "听取", "部署", "述法", "旁听", "考试", "录入", "下达"},
  };
  return kCues;
}

}  // namespace fazhi
