// Worker entry: web-llm's engine runs here, driven from the main thread by CreateWebWorkerMLCEngine.
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (event: MessageEvent) => handler.onmessage(event);
