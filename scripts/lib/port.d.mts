export function listenError(port: number, host?: string): Promise<Error | null>;
