// A prepare worker whose modules fail to load (a broken installation): every start dies before it says it is ready.
throw new Error('this prepare worker cannot load');
