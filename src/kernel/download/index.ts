/** src/kernel/download: the transfer side of the download engine (credentials, HTTP/SFTP sources, verified files, the queue, progress). */
export * from './credentials';
export * from './source';
export * from './http-source';
export * from './sftp-source';
export * from './fetch-file';
export * from './queue';
export * from './progress-bar';
