export * from './places';
export * from './accounts';
export * from './meetings';
export * from './news';
export * from './forum';

export * from './surveys';
export * from './results';
