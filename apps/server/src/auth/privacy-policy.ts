import type { PrivacyPolicyView } from '@carecircle/shared';

/** The privacy policy in force. A new version gets a new `version`; people are asked again. */
export const PRIVACY_POLICY: PrivacyPolicyView = {
  version: '2026-05',
  publishedOn: '2026-05-01',
  title: 'CareCircle 隐私政策',
  sections: [
    { heading: '我们收集什么', body: '您的微信登录标识和昵称；您为老人、孩子登记的姓名、身份证号、手机号、地址、紧急联系人、健康备注和饮食需求；订单、订餐、托育预约和时间银行记录。' },
    { heading: '为什么需要', body: '身份证号用于核验补贴资格并防止重复登记；地址和位置用于派单和上门服务；手机号用于服务人员在接单后联系老人；健康备注帮助服务人员安全地服务。' },
    { heading: '如何保护', body: '身份证号、手机号、紧急联系人和健康备注加密保存；页面上身份证号只显示第 1 位、年龄只显示「今年 N 岁」；完整手机号只在家人或正在服务的人员点「拨打」时提供，每次都有记录。' },
    { heading: '谁能看到', body: '只有您家庭的成员和老人本人能看到老人的资料；服务人员只在接单后到服务结束前看到服务地址并可拨打老人电话；街道工作人员只能看到本街道的记录。' },
    { heading: '您的权利', body: '您可以随时在「我的 → 隐私与数据」查看本政策、撤回同意（撤回后不能下新订单）、导出您的全部数据（个人信息保护法第 45 条）和注销账号（第 47 条）。' },
    { heading: '注销后保留什么', body: '为服务机构结算和补贴审计，订单和补贴台账会保留，但其中的姓名、地址等已匿名化，不再能识别到您和家人。' },
  ],
};
