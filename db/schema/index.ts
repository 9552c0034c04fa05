export * from './places';
export * from './accounts';
export * from './surveys';
export * from './results';
