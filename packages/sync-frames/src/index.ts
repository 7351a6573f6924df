export { encodeSyncStep2Frames, framedSyncAnswer } from './chunked-sync';
