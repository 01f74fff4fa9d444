import { Global, Logger, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { authConfig, wechatConfig, type AuthConfig, type WechatConfig } from '../config/configuration.js';
import { RedisClient } from '../common/redis/redis.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { ConsentService } from './consent.service.js';
import { PrivacyController } from './privacy.controller.js';
import { DevWechatClient } from './wechat/dev-wechat.client.js';
import { RealWechatClient } from './wechat/real-wechat.client.js';
import { WechatClient } from './wechat/wechat-client.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => {
        // A KeyObject made once: given a string, jsonwebtoken tries (and fails) to parse it as a public key on every request.
        const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
        return { secretOrKeyProvider: () => key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
  ],
  controllers: [AuthController, PrivacyController],
  providers: [
    AuthService,
    ConsentService,
    {
      provide: WechatClient,
      inject: [wechatConfig.KEY, RedisClient],
      useFactory: (config: WechatConfig, redis: RedisClient): WechatClient => {
        const client = config.mode === 'real' ? new RealWechatClient(config.appId, config.secret, redis) : new DevWechatClient();
        new Logger('WechatClient').log(`WeChat edge: ${client.mode} (${client.constructor.name})`);
        return client;
      },
    },
  ],
  exports: [AuthService, ConsentService, WechatClient, JwtModule],
})
export class AuthModule {}
