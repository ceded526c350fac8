// STUB(lead): placeholder; the shell owner replaces this file.
export {};
