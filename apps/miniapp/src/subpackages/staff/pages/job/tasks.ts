import type { ServiceCode } from '@carecircle/shared'

/** What a service usually involves: the check-out checklist starts from these. */
const SERVICE_TASKS: Partial<Record<ServiceCode, string[]>> = {
  cleaning: ['清扫拖地', '擦拭家具', '整理衣物', '清洁厨房', '清洁卫生间', '倒垃圾'],
  bathing: ['协助洗浴', '协助更衣', '修剪指甲', '检查皮肤', '整理浴室'],
  medical_escort: ['陪同挂号', '陪同就诊', '代取药品', '送回家中', '告知家属医嘱'],
  mobility: ['陪同散步', '陪同上下楼', '陪同出行'],
  shopping: ['代购生活用品', '代购药品', '送货到家', '核对小票'],
  visit: ['了解近况', '检查用电用气安全', '测量血压', '告知家属情况'],
  companionship: ['聊天陪伴', '读报', '心理疏导'],
  rehab: ['康复训练', '按摩理疗', '基础护理', '记录康复情况'],
  repair: ['水电维修', '更换灯具', '安装扶手', '检查线路'],
  emergency: ['到场查看', '紧急处置', '联系家属', '协助就医'],
  meal_delivery: ['按时取餐', '送餐到家', '确认老人收餐'],
}

const GENERIC_TASKS = ['按约完成服务', '告知家属情况']

/** The checklist for a job (a service added later still gets a usable one). */
export function tasksFor(code: ServiceCode): string[] {
  return SERVICE_TASKS[code] ?? GENERIC_TASKS
}

/** Why a check-in farther than allowed is still right (the check-in is then flagged for review). */
export const OVERRIDE_REASONS = ['定位不准（高楼、信号差）', '老人在楼下或小区门口等候', '地址有误，已电话确认'] as const
