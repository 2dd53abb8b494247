// A prepare worker as a slow start looks to its pool: alive, but its modules never finish loading, so it never
// says it is ready and answers nothing.
setInterval(() => undefined, 60_000);
