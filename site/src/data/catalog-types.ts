import type { z } from 'zod';
import type { direction } from '../../../catalog/index.ts';

export type { SecurityModel, Integration, Service, Operation, IntegrationVersion } from '../../../catalog/index.ts';
export type Direction = z.infer<typeof direction>;
