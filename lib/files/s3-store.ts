import 'server-only';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { STORE_KEY, type FileStore } from './store';

export interface S3StoreOptions {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, Ceph, Garage…); unset: AWS. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Prepended to every key ("agora/"), so one bucket can serve several deployments. */
  prefix: string;
  /** Unset: the SDK's usual sources (environment, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Files in an S3-compatible bucket, through AWS's own client. Objects are private (no ACL is
 * set); readers get them through the download route, which checks access and streams the body.
 */
export class S3Store implements FileStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // Checksums on every request are the SDK's default since 2025, but not every S3-compatible
      // server accepts them; ask for them only where the operation requires one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private objectKey(key: string): string {
    if (!STORE_KEY.test(key)) throw new Error(`bad store key: ${key}`);
    return `${this.options.prefix}${key}`;
  }

  async put(key: string, sourcePath: string, meta: { size: number; contentType: string }): Promise<void> {
    // One PUT streamed from the staging file (S3 takes up to 5 GB so; the size limit is far below).
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.objectKey(key),
        Body: createReadStream(sourcePath),
        ContentLength: meta.size,
        ContentType: meta.contentType,
      }),
    );
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      if (!answer.Body) return null;
      return answer.Body instanceof Readable ? answer.Body : Readable.fromWeb(answer.Body.transformToWebStream() as never);
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }

  /** The SDK client (tests create and empty the bucket with it). */
  get s3(): S3Client {
    return this.client;
  }
}
