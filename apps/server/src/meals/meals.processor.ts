import { JOB, QUEUE } from '@carecircle/shared';
import { Process, Processor } from '@nestjs/bull';
import { MealsService } from './meals.service.js';

@Processor(QUEUE.DISPATCH)
export class MealsProcessor {
  constructor(private readonly meals: MealsService) {}

  @Process(JOB.MEAL_CUTOFF_SWEEP)
  dispatchDueDeliveries(): Promise<number> {
    return this.meals.dispatchDueDeliveries();
  }
}
