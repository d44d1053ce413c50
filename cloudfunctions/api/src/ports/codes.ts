/** What a mini-program code is made of. */
export interface CodeRequest {
  /** ≤ 32 characters (domain/channels.ts codeScene). */
  scene: string
  /** The weapp page, without a leading '/' (CODE_PAGE). */
  page: string
  /** Pixels, 280–1280. */
  width: number
}

/** An image a CodeMaker made. */
export interface MadeCode {
  bytes: Buffer
  contentType: 'image/png' | 'image/jpeg'
  /** Locally: the H5 address the QR encodes. */
  h5Url?: string
}

/**
 * Makes the image of a code: `wxacode.getUnlimited` in the cloud (adapters/cloudbase-channels.ts),
 * a plain QR of the H5 address locally (adapters/qr-code-maker.ts). Failures throw
 * CodeMakeError (core/channel-codes.ts) with a message for the staff, or anything else (a bug).
 */
export interface CodeMaker {
  /**
   * What besides scene, page and width decides the image (the cloud's env version, the local
   * base URL). Part of the stored key: a change of it makes new images instead of reusing
   * codes that would open another version or an old address.
   */
  variant(): string
  make(request: CodeRequest): Promise<MadeCode>
}

/** A stored code image: one per key (core/channel-codes.ts codeKey of scene, width, variant). */
export interface StoredCode {
  key: string
  scene: string
  page: string
  width: number
  /** Cloud storage fileID (cloud only; locally the file is `<key>.png` in the codes directory). */
  fileId?: string
  h5Url?: string
  /** ISO 8601 UTC. */
  createdAt: string
  /** StaffMember.id of whoever asked first. */
  createdBy: string
}

/**
 * Where code images are kept and found again: cloud storage + the `mini_codes` collection, or
 * DATA_DIR/codes + the SQLite `mini_codes` table.
 */
export interface CodeFiles {
  find(key: string): Promise<StoredCode | null>
  /** Stores the image and its record (replacing a record whose image was lost); answers the record. */
  save(code: Omit<StoredCode, 'fileId'>, image: MadeCode): Promise<StoredCode>
  /**
   * A URL the desk can show and save (a temporary https link in the cloud, made when asked; a
   * `/media/codes/<file>` path locally). Null when the image itself is gone (deleted by hand):
   * the handler then makes it again.
   */
  urlOf(code: StoredCode): Promise<string | null>
}
