import {
  belgianHolidays,
  brusselsInstant,
  isWorkingHours,
  nextWorkingMoment,
  sendTimeFor,
} from '../../src/followup/calendar';

describe('check-ins keep to Brussels working days and hours', () => {
  it('goes out at 10:00 Brussels time: 09:00 UTC in winter, 08:00 UTC in summer', () => {
    expect(sendTimeFor('2027-01-05').toISOString()).toBe('2027-01-05T09:00:00.000Z');
    expect(sendTimeFor('2027-07-06').toISOString()).toBe('2027-07-06T08:00:00.000Z');
  });

  it('keeps 10:00 local on both sides of the daylight-saving change (28 March 2027)', () => {
    // Friday before the change: CET (UTC+1); Wednesday after: CEST (UTC+2).
    expect(sendTimeFor('2027-03-26').toISOString()).toBe('2027-03-26T09:00:00.000Z');
    expect(sendTimeFor('2027-03-31').toISOString()).toBe('2027-03-31T08:00:00.000Z');
    // Monday 29 March is Easter Monday: that moment waits for Tuesday.
    expect(sendTimeFor('2027-03-29').toISOString()).toBe('2027-03-30T08:00:00.000Z');
    // The same UTC hour is inside working hours in winter and outside in summer.
    expect(isWorkingHours(new Date('2027-03-26T07:30:00Z'))).toBe(false); // 08:30 CET
    expect(isWorkingHours(new Date('2027-03-26T08:30:00Z'))).toBe(true); // 09:30 CET
    expect(isWorkingHours(new Date('2027-03-30T06:30:00Z'))).toBe(false); // 08:30 CEST
    expect(isWorkingHours(new Date('2027-03-30T07:30:00Z'))).toBe(true); // 09:30 CEST
    expect(isWorkingHours(new Date('2027-10-29T15:30:00Z'))).toBe(false); // 17:30 CEST
    expect(brusselsInstant('2027-10-31', 12).toISOString()).toBe('2027-10-31T11:00:00.000Z');
  });

  it('moves a moment on a weekend or a Belgian public holiday to the next working day', () => {
    // Saturday 3 April 2027 → Monday 5 April (Easter Monday is 29 March that year).
    expect(sendTimeFor('2027-04-03').toISOString()).toBe('2027-04-05T08:00:00.000Z');
    // 21 July (national holiday) 2027 is a Wednesday → Thursday 22 July.
    expect(sendTimeFor('2027-07-21').toISOString()).toBe('2027-07-22T08:00:00.000Z');
    expect([...belgianHolidays(2027)].sort()).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-17',
      '2027-07-21',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
  });

  it('waits from an evening or a weekend to 09:00 on the next working day', () => {
    // Friday 17:30 CET → Monday 09:00 CET.
    expect(nextWorkingMoment(new Date('2027-02-05T16:30:00Z')).toISOString()).toBe(
      '2027-02-08T08:00:00.000Z',
    );
    const inside = new Date('2027-02-09T10:00:00Z');
    expect(nextWorkingMoment(inside)).toBe(inside);
  });
});
