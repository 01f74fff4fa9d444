import { Module } from '@nestjs/common';
import { ConfigModule, registerAs, type ConfigType } from '@nestjs/config';
import { resolve } from 'node:path';
import { loadEnv } from '../../config/env.js';
import { FileStore } from './file-store.js';
import { LocalDiskFileStore } from './local-disk-file-store.js';

export const filesConfig = registerAs('files', () => ({ dir: resolve(loadEnv().FILES_DIR) }));

@Module({
  imports: [ConfigModule.forFeature(filesConfig)],
  providers: [{ provide: FileStore, inject: [filesConfig.KEY], useFactory: (config: ConfigType<typeof filesConfig>) => new LocalDiskFileStore(config.dir) }],
  exports: [FileStore],
})
export class FilesModule {}
