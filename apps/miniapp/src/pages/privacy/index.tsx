import { Text, View } from '@tarojs/components'
import './index.scss'

const SECTIONS: { title: string; body: string[] }[] = [
  {
    title: '我们收集哪些信息',
    body: [
      '登录：微信为本小程序生成的用户标识和您设置的昵称，用于识别您的账号。',
      '老人资料：姓名、身份证号、手机号、居住地址和位置、紧急联系人、健康备注、饮食需求、居住情况和补贴类别，由您为家中老人填写。',
      '孩子资料：姓名、出生日期，以及可选的身份证号，用于预约 3 岁以下婴幼儿的托育服务。',
      '位置：只在您填写老人住址、点「在地图上选择位置」时使用，用于匹配附近的助餐点和服务人员。',
    ],
  },
  {
    title: '我们如何使用',
    body: [
      '只用于为您和家人提供助餐、上门服务、托育预约，以及街道核验补贴资格。',
      '补贴类别需要街道工作人员核验，核验时会查看您提交的老人资料。',
      '不会把您的信息用于广告，也不会出售给任何人。',
    ],
  },
  {
    title: '我们如何保护',
    body: [
      '身份证号等敏感信息加密保存，页面上身份证号只显示第 1 位（如 3*****************），年龄只显示「今年 N 岁」；完整手机号只在点「拨打」时取用，每次都有记录。',
      '只有同一家庭的成员、为该老人提供服务的人员和负责核验的街道工作人员能看到相关信息，查看会被记录。',
    ],
  },
  {
    title: '您的权利',
    body: [
      '您可以随时在小程序中查看、修改或删除老人和孩子的资料。',
      '退出登录后，本机保存的登录凭证会被清除。',
      '您可以撤回同意（撤回后不能下新订单）、导出您的全部数据（个人信息保护法第 45 条）、注销账号（第 47 条）；注销后为结算和审计保留的订单和补贴台账会匿名化。',
    ],
  },
]

/** The privacy guide in plain words; on weapp WeChat's own contract page opens first. */
export default function PrivacyPage() {
  return (
    <View className='cc-page privacy'>
      <Text className='cc-title'>CareCircle 隐私保护指引</Text>
      <Text className='cc-muted privacy__lead'>
        CareCircle 帮助家人照顾家中老人和孩子。为此我们需要使用一些个人信息，下面说明用到哪些、为什么用、如何保护。
      </Text>
      {SECTIONS.map((section) => (
        <View key={section.title} className='cc-card cc-card--padded'>
          <Text className='privacy__title'>{section.title}</Text>
          {section.body.map((line) => (
            <Text key={line} className='privacy__line'>
              {line}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
