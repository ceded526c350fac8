// STUB(lead): placeholder; the owner replaces this file.
export {};
