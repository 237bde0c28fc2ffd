import { Injectable } from '@nestjs/common';

import { type LoadedKnowledgeBase, loadKnowledgeBase } from './pattern-loader';

/** Reads the pattern files (file system access behind a class, so the service tests without it). */
@Injectable()
export class KnowledgeBaseLoader {
  load(directory: string): LoadedKnowledgeBase {
    return loadKnowledgeBase(directory);
  }
}
