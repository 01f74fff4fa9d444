import { Module } from '@nestjs/common';
import { TimebankController } from './timebank.controller.js';
import { TimebankService } from './timebank.service.js';

@Module({ controllers: [TimebankController], providers: [TimebankService], exports: [TimebankService] })
export class TimebankModule {}
