import type { DietaryNeed } from '../enums/elder.js';
import { DIETARY_NEED_LABELS } from '../enums/elder.js';
import type { DishTag } from '../enums/meal.js';

/**
 * What an elder needs that a dish does not promise: an elder who needs 低盐 should get a dish
 * tagged 低盐. Returns the labels of the unmet needs (empty = no clash).
 */
export function dietaryClashes(needs: readonly DietaryNeed[], dishTags: readonly DishTag[]): string[] {
  return needs.filter((need) => !dishTags.includes(need)).map((need) => DIETARY_NEED_LABELS[need]);
}
