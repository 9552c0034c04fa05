export * from './places';
export * from './accounts';
export * from './meetings';
export * from './news';
export * from './forum';
export * from './mail';
export * from './documents';

export * from './surveys';
export * from './results';
