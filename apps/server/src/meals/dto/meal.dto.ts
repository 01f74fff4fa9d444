import {
  DIETARY_NEEDS,
  MEAL_MODES,
  MEAL_PERIODS,
  type CanteenPeriodInput,
  type CanteenSettingsInput,
  type CreateMealBookingInput,
  type DishInput,
  type DishTag,
  type MealItemInput,
  type MealMode,
  type MealPeriod,
  type PublishMenuInput,
} from '@carecircle/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/validation/validators.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ModeCapacityDto {
  @ApiProperty() @IsInt({ message: '堂食名额应为整数' }) @Min(0, { message: '名额不能为负' }) @Max(2000, { message: '名额过大' }) dine_in!: number;
  @ApiProperty() @IsInt({ message: '自取名额应为整数' }) @Min(0, { message: '名额不能为负' }) @Max(2000, { message: '名额过大' }) pickup!: number;
  @ApiProperty() @IsInt({ message: '送餐名额应为整数' }) @Min(0, { message: '名额不能为负' }) @Max(2000, { message: '名额过大' }) delivery!: number;
}

export class CanteenPeriodDto implements CanteenPeriodInput {
  @ApiProperty({ enum: MEAL_PERIODS }) @IsIn(MEAL_PERIODS, { message: '餐次只能是 lunch（午餐）或 dinner（晚餐）' }) period!: MealPeriod;
  @ApiProperty({ example: '11:00' }) @Matches(HHMM, { message: '开餐时间应为 HH:mm' }) serveStart!: string;
  @ApiProperty({ example: '12:30' }) @Matches(HHMM, { message: '结束时间应为 HH:mm' }) serveEnd!: string;
  @ApiProperty({ example: '10:00', description: '当天截止预订时间' }) @Matches(HHMM, { message: '截止时间应为 HH:mm' }) cutoff!: string;
  @ApiProperty({ type: ModeCapacityDto }) @ValidateNested() @Type(() => ModeCapacityDto) @IsNotEmpty({ message: '请填写各方式名额' }) capacity!: ModeCapacityDto;
}

export class CanteenSettingsDto implements CanteenSettingsInput {
  @ApiProperty({ example: [1, 2, 3, 4, 5, 6] })
  @IsArray({ message: '营业日应为列表' })
  @ArrayMinSize(1, { message: '至少选择一天营业' })
  @ArrayUnique({ message: '营业日有重复' })
  @IsInt({ each: true, message: '营业日为 1–7（周一至周日）' })
  @Min(1, { each: true, message: '营业日为 1–7（周一至周日）' })
  @Max(7, { each: true, message: '营业日为 1–7（周一至周日）' })
  openDays!: number[];

  @ApiProperty({ example: 3000 }) @IsInt({ message: '送餐半径应为整数米' }) @Min(0, { message: '送餐半径不能为负' }) @Max(20000, { message: '送餐半径最多 20 公里' }) deliveryRadiusMeters!: number;
  @ApiProperty({ example: 300 }) @IsInt({ message: '配送费应为整数（分）' }) @Min(0, { message: '配送费不能为负' }) @Max(10000, { message: '配送费过高' }) deliveryFeeFen!: number;

  @ApiProperty({ type: [CanteenPeriodDto] })
  @IsArray({ message: '餐次应为列表' })
  @ArrayMinSize(1, { message: '至少设置一个餐次' })
  @ArrayMaxSize(2, { message: '最多午餐、晚餐两个餐次' })
  @ValidateNested({ each: true })
  @Type(() => CanteenPeriodDto)
  periods!: CanteenPeriodDto[];
}

export class DishDto implements DishInput {
  @ApiProperty({ example: '清蒸鲈鱼套餐' }) @Transform(trim) @IsString({ message: '菜名必须是文字' }) @IsNotEmpty({ message: '请填写菜名' }) @MaxLength(40, { message: '菜名最多 40 个字' }) name!: string;
  @ApiProperty({ example: 1500 }) @IsInt({ message: '价格应为整数（分）' }) @Min(0, { message: '价格不能为负' }) @Max(100_000, { message: '价格过高' }) priceFen!: number;
  @ApiProperty({ enum: DIETARY_NEEDS, isArray: true })
  @IsArray({ message: '标签应为列表' })
  @ArrayUnique({ message: '标签有重复' })
  @IsIn(DIETARY_NEEDS, { each: true, message: `标签只能是 ${DIETARY_NEEDS.join('/')}` })
  tags!: DishTag[];
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '限量份数应为整数' }) @Min(1, { message: '限量至少 1 份' }) @Max(5000, { message: '限量过大' }) portionLimit?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'isSetMeal 应为 true 或 false' }) isSetMeal?: boolean;
}

export class PublishMenuDto implements PublishMenuInput {
  @ApiProperty({ example: '2026-11-30' }) @IsCalendarDate({ message: '日期应为 YYYY-MM-DD 格式的有效日期' }) date!: string;
  @ApiProperty({ enum: MEAL_PERIODS }) @IsIn(MEAL_PERIODS, { message: '餐次只能是 lunch（午餐）或 dinner（晚餐）' }) period!: MealPeriod;
  @ApiProperty({ type: [DishDto] })
  @IsArray({ message: '菜品应为列表' })
  @ArrayMinSize(1, { message: '至少发布一道菜' })
  @ArrayMaxSize(30, { message: '每餐最多 30 道菜' })
  @ValidateNested({ each: true })
  @Type(() => DishDto)
  dishes!: DishDto[];
}

export class MealItemDto implements MealItemInput {
  @ApiProperty() @IsUUID('all', { message: '请选择菜品' }) dishId!: string;
  @ApiProperty({ example: 1 }) @IsInt({ message: '份数应为整数' }) @Min(1, { message: '至少 1 份' }) @Max(5, { message: '每道菜最多 5 份' }) quantity!: number;
}

export class CreateMealBookingDto implements CreateMealBookingInput {
  @ApiProperty() @IsUUID('all', { message: '请选择为哪位老人订餐' }) elderId!: string;
  @ApiProperty() @IsUUID('all', { message: '请选择餐次' }) slotId!: string;
  @ApiProperty({ enum: MEAL_MODES }) @IsIn(MEAL_MODES, { message: '用餐方式只能是 堂食/自取/送餐上门' }) mode!: MealMode;
  @ApiProperty({ type: [MealItemDto] })
  @IsArray({ message: '菜品应为列表' })
  @ArrayMinSize(1, { message: '请至少选择一道菜' })
  @ArrayMaxSize(10, { message: '一次最多 10 道菜' })
  @ValidateNested({ each: true })
  @Type(() => MealItemDto)
  items!: MealItemDto[];
}

export class CancelMealDto {
  @ApiProperty({ example: '老人外出' }) @Transform(trim) @IsString({ message: '原因必须是文字' }) @IsNotEmpty({ message: '请填写取消原因' }) @MaxLength(200, { message: '原因最多 200 个字' }) reason!: string;
}

export class PickupDto {
  @ApiProperty({ example: '482913', description: '取餐码' }) @Matches(/^\d{6}$/, { message: '取餐码为 6 位数字' }) code!: string;
}

export class SlotQueryDto {
  @ApiPropertyOptional({ description: '从哪天起（默认今天）' }) @IsOptional() @IsCalendarDate({ message: '日期应为 YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ description: '为哪位老人看（标出饮食冲突）' }) @IsOptional() @IsUUID('all', { message: '老人编号无效' }) elderId?: string;
}

export class CanteenQueryDto {
  @ApiPropertyOptional({ description: '按这位老人的住址排序并判断能否送餐' }) @IsOptional() @IsUUID('all', { message: '老人编号无效' }) elderId?: string;
}

export class DayQueryDto {
  @ApiPropertyOptional({ description: '日期（默认今天）' }) @IsOptional() @IsCalendarDate({ message: '日期应为 YYYY-MM-DD' }) date?: string;
}

export class MonthQueryDto {
  @ApiPropertyOptional({ example: '2026-11' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份应为 YYYY-MM' }) month?: string;
  @ApiPropertyOptional({ description: '只看这个街道/社区（须在本人负责范围内）' }) @IsOptional() @IsUUID('all', { message: '地区编号无效' }) regionId?: string;
}
