"""Chinese text of matching (techvp.matching) and of `techvp match`."""

# Why a need got no expert, by reason code (techvp.matching.result.REASONS gives the order).
REASONS: dict[str, str] = {
    "ineligible": "需求不合格或已撤回，不参与匹配",
    "no_applicant": "无人申报该需求",
    "only_conflicted": "申报人均与企业存在利益冲突（派出单位创办、入股或孵化该企业）",
    "applicants_ineligible": "申报人均不合格",
    "region_full": "所在地区名额已满",
    "placed_elsewhere": "申报人均已安排到其他企业",
}

SUMMARY_HEAD = (
    "批次“{batch}”匹配方案（待审核）：名额 {quota} 个，安排 {assigned} 人，服务企业 {served} 家"
)
SUMMARY_REGION = "  {name}（{region}）：合格需求 {needs} 项，名额 {quota}，已安排 {assigned}"
SUMMARY_NAMED = "企业指定并协商一致的配对：{honoured} / {total} 对已安排"
SUMMARY_UNMATCHED = "未匹配需求 {count} 项："
SUMMARY_REASON = "  {reason}：{count} 项"
SUMMARY_FILES = "已写入 {out}"
APPOINTMENTS_WRITTEN = "已写入 {count} 条选派记录（状态 selected 已选派），请以合并请求提交审核"
NOT_VALID = "记录有错误，未进行匹配；请先运行 techvp validate 并修正"

MATCH = "为一个批次生成匹配方案：按各地区合格需求数分配名额，双向推荐（每项需求推荐 5 名专家、每名专家推荐 5 项需求），并在名额、需求人数、利益冲突等约束下求出最优的选派方案。"
MATCH_BATCH = "批次编号，如 wuhan-2022"
MATCH_OUT = (
    "输出目录（写入 quota.csv、assignments.csv、unmatched.csv、recommendations.csv 和 match.json）"
)
MATCH_WRITE = "同时为方案中尚无选派记录的专家写入状态为 selected 的选派记录"
SHORT_MATCH = "生成一个批次的匹配方案"
